import type { ApiOperation } from "../types.ts";
import { ACTION_ITEM_OPERATIONS } from "./action-items.ts";
import { CATALOG_OPERATIONS } from "./catalog.ts";
import { DRILL_OPERATIONS } from "./drills.ts";
import { DRILL_REPORT_OPERATIONS } from "./drill-reports.ts";
import { IMPACT_OPERATIONS } from "./impact.ts";
import { INSIGHT_OPERATIONS } from "./insights.ts";
import { INCIDENT_OPERATIONS } from "./incidents.ts";
import { INTEGRATION_OPERATIONS } from "./integrations.ts";
import { NOTIFICATION_OPERATIONS } from "./notifications.ts";
import { ORGANISATION_OPERATIONS } from "./organisation.ts";
import { PAGING_OPERATIONS } from "./paging.ts";
import { PEOPLE_OPERATIONS } from "./people.ts";
import { POSTMORTEM_OPERATIONS } from "./postmortems.ts";
import { READINESS_OPERATIONS } from "./readiness.ts";
import { STAKEHOLDER_OPERATIONS } from "./stakeholder.ts";
import { STATUS_OPERATIONS } from "./status.ts";
import { SYSTEM_OPERATIONS } from "./system.ts";
import { TIMELINE_OPERATIONS } from "./timeline.ts";

/**
 * Every operation of the REST API, one per route file × exported method. A new route adds its
 * entries to its domain's file (or a new file listed here); tests/unit/openapi.test.ts fails for a
 * route without one.
 */
export const API_OPERATIONS: readonly ApiOperation[] = [
  ...INCIDENT_OPERATIONS,
  ...TIMELINE_OPERATIONS,
  ...IMPACT_OPERATIONS,
  ...STAKEHOLDER_OPERATIONS,
  ...STATUS_OPERATIONS,
  ...POSTMORTEM_OPERATIONS,
  ...ACTION_ITEM_OPERATIONS,
  ...INSIGHT_OPERATIONS,
  ...READINESS_OPERATIONS,
  ...DRILL_OPERATIONS,
  ...DRILL_REPORT_OPERATIONS,
  ...CATALOG_OPERATIONS,
  ...INTEGRATION_OPERATIONS,
  ...NOTIFICATION_OPERATIONS,
  ...PAGING_OPERATIONS,
  ...ORGANISATION_OPERATIONS,
  ...PEOPLE_OPERATIONS,
  ...SYSTEM_OPERATIONS,
];
