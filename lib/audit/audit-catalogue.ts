import { z } from "zod";
import { API_TOKEN_KEY, readPrincipalMark } from "./audit-principal.ts";

// Every action the code writes to the audit log, with what its `before` and `after` hold, so a
// reader (the audit-log page, an export, an auditor's script) need not guess. recordAudit accepts
// only these actions; tests/unit/audit-catalogue.test.ts checks the code writes no other, and every
// integration test file parses the rows it wrote against these schemas (tests/helpers/test-database.ts).
// Where a payload is a DTO the schema names the fields a reader relies on and lets the rest through.

const looseObject = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const anyObject = z.record(z.string(), z.unknown());
const uuid = z.string().min(1);
const instant = z.string().min(1);

const incidentDto = looseObject({
  id: uuid,
  ref: z.string(),
  number: z.number(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
});
const eventDto = looseObject({
  id: uuid,
  incidentId: uuid,
  seq: z.number(),
  kind: z.string(),
  body: z.string(),
  data: anyObject.nullable(),
  author: looseObject({ id: uuid, name: z.string() }).nullable(),
});
const drillDto = looseObject({ id: uuid, status: z.string() });
const named = looseObject({ name: z.string() });
const pageDto = looseObject({ id: uuid, status: z.string() });
const actionItemView = looseObject({ id: uuid, title: z.string() });
const userStatus = looseObject({ status: z.string() });
const deliveryRef = looseObject({ deliveryId: uuid });
const pagingRoute = looseObject({ teamId: uuid, kind: z.string() });

/** One action's payloads; `null` where the action never writes that side. */
interface ActionSchemas {
  before: z.ZodType | null;
  after: z.ZodType | null;
}
const entry = (before: z.ZodType | null, after: z.ZodType | null): ActionSchemas => ({ before, after });

export const AUDIT_CATALOGUE = {
  "action_item.create": entry(null, actionItemView),
  "action_item.update": entry(actionItemView, actionItemView),
  "action_item.delete": entry(actionItemView, null),
  "api_token.create": entry(null, looseObject({ name: z.string(), scope: z.string(), prefix: z.string() })),
  "api_token.revoke": entry(looseObject({ revokedAt: z.null() }), looseObject({ revokedAt: instant.nullable() })),
  "catalog.import": entry(
    null,
    looseObject({
      format: z.string(),
      mode: z.string(),
      teams: z.unknown(),
      services: z.unknown(),
      dependencies: z.unknown(),
      changes: z.array(z.unknown()),
    }),
  ),
  "dependency.add": entry(null, anyObject),
  "dependency.update": entry(anyObject, anyObject),
  "dependency.remove": entry(anyObject, null),
  "drill.start": entry(null, drillDto.extend({ incidentId: uuid })),
  "drill.cancel": entry(drillDto, drillDto),
  "drill.end": entry(
    looseObject({ status: z.string() }),
    looseObject({ status: z.string(), endedAt: instant, metrics: z.array(z.unknown()) }),
  ),
  /** An incident opened: its DTO; opened by an alert, `source` names the integration and alert. */
  "incident.declare": entry(
    null,
    incidentDto.extend({
      source: looseObject({ integrationId: uuid.nullable(), integration: z.string(), dedupKey: z.string() }).optional(),
    }),
  ),
  /** The changed fields only, the same keys on both sides. */
  "incident.update": entry(anyObject, anyObject),
  "incident.role": entry(null, anyObject),
  "incident.responder": entry(null, anyObject),
  /** Rows written before audit payloads became objects (so a token's row can name it) hold the bare list. */
  "incident.services": entry(
    z.union([looseObject({ serviceIds: z.array(uuid) }), z.array(uuid)]),
    z.union([looseObject({ serviceIds: z.array(uuid) }), z.array(uuid)]),
  ),
  /** `after.changes`: one entry per journey changed (older rows: the bare list). */
  "incident.impact": entry(anyObject, z.union([looseObject({ changes: z.array(z.unknown()) }), z.array(z.unknown())])),
  "integration.create": entry(null, named),
  "integration.update": entry(named, named),
  "integration.rotate_secret": entry(named, named),
  "integration.delete": entry(named, null),
  "notification_channel.create": entry(null, named),
  "notification_channel.update": entry(named, named),
  "notification_channel.rotate_secret": entry(named, named),
  "notification_channel.delete": entry(named, null),
  "notification_channel.test": entry(null, deliveryRef),
  "notification_delivery.retry": entry(null, looseObject({ channel: z.string(), event: z.string(), attempts: z.number() })),
  "org.impact_settings": entry(anyObject, anyObject),
  "organization.created": entry(null, looseObject({ name: z.string(), currency: z.string(), timeZone: z.string() })),
  "organization.paging_settings": entry(looseObject({ sev1AutoPage: z.boolean() }), looseObject({ sev1AutoPage: z.boolean() })),
  "organization.status_settings": entry(looseObject({ statusAutoImpact: z.unknown() }), looseObject({ statusAutoImpact: z.unknown() })),
  "page.trigger": entry(null, pageDto),
  "page.escalate": entry(pageDto, pageDto),
  "paging_route.create": entry(null, pagingRoute),
  "paging_route.update": entry(pagingRoute, pagingRoute),
  "paging_route.rotate_key": entry(pagingRoute, pagingRoute),
  "paging_route.delete": entry(pagingRoute, null),
  "paging_route.test": entry(null, deliveryRef),
  "paging_route.test_cancel": entry(null, deliveryRef),
  "postmortem.create": entry(
    null,
    looseObject({ incidentId: uuid, title: z.string(), templateKey: z.string(), sections: z.array(z.string()) }),
  ),
  "postmortem.update": entry(looseObject({ title: z.string() }), looseObject({ title: z.string() })),
  "postmortem.section.update": entry(
    looseObject({ key: z.string(), version: z.number(), body: z.string() }),
    looseObject({ key: z.string(), version: z.number(), body: z.string() }),
  ),
  "postmortem.review.request": entry(looseObject({ status: z.string() }), looseObject({ status: z.string(), reviewerIds: z.array(uuid) })),
  "postmortem.review.approve": entry(null, looseObject({ state: z.string(), comment: z.string().nullish() })),
  "postmortem.review.request_changes": entry(null, looseObject({ state: z.string(), comment: z.string().nullish() })),
  "postmortem.publish": entry(
    looseObject({ status: z.string(), revision: z.number().nullable() }),
    looseObject({ status: z.literal("published"), revision: z.number() }),
  ),
  "postmortem_template.create": entry(null, named),
  "postmortem_template.update": entry(named, named),
  "postmortem_template.delete": entry(named, null),
  "postmortem_template.defaults": entry(anyObject, anyObject),
  "service.create": entry(null, named),
  "service.update": entry(named, named),
  "service.delete": entry(named, null),
  /** A health state change; `source` says whether the service pushed it or the poller saw it. */
  "service.health": entry(
    looseObject({ health: z.string(), message: z.string() }),
    looseObject({ health: z.string(), message: z.string(), source: z.enum(["push", "poll"]) }),
  ),
  "stakeholder_update.post": entry(null, looseObject({ incidentId: uuid, isPublic: z.boolean() })),
  "team.create": entry(null, named),
  "team.update": entry(named, named),
  "team.delete": entry(named, null),
  /** A new entry: its DTO as toEventDto makes it, whichever path stored it. */
  "timeline.post": entry(null, eventDto),
  "timeline.correct": entry(eventDto, eventDto),
  "timeline.outcome": entry(eventDto, eventDto),
  "timeline.state": entry(eventDto, eventDto),
  "timeline.acknowledge": entry(eventDto, eventDto),
  "timeline.strike": entry(eventDto, eventDto),
  "timeline.unstrike": entry(eventDto, eventDto),
  "timeline.pin": entry(eventDto, eventDto),
  "timeline.unpin": entry(eventDto, eventDto),
  "user.created": entry(null, looseObject({ email: z.string(), role: z.string(), via: z.string() })),
  "user.invited": entry(null, looseObject({ email: z.string(), role: z.string() })),
  "user.invitation_revoked": entry(null, looseObject({ email: z.string() })),
  "user.joined": entry(null, looseObject({ email: z.string(), via: z.enum(["invitation", "sso"]) })),
  /** A known account's wrong passwords reached the limit for one address (the system throttled it). */
  "user.locked": entry(null, looseObject({ address: z.string(), until: instant, failedLogins: z.number() })),
  "user.password_changed": entry(null, looseObject({ via: z.enum(["own", "reset_link"]) })),
  "user.password_reset_issued": entry(null, looseObject({ expiresAt: z.unknown() })),
  "user.role_changed": entry(looseObject({ role: z.string() }), looseObject({ role: z.string() })),
  "user.deactivated": entry(userStatus, userStatus),
  "user.reactivated": entry(userStatus, userStatus),
} as const satisfies Record<string, ActionSchemas>;

export type AuditAction = keyof typeof AUDIT_CATALOGUE;

export function isAuditAction(action: string): action is AuditAction {
  return Object.hasOwn(AUDIT_CATALOGUE, action);
}

/** Why a stored row does not match its action's schemas, or null when it does. */
export function auditPayloadProblem(row: { action: string; before: unknown; after: unknown }): string | null {
  if (!isAuditAction(row.action)) return `"${row.action}" is not in the audit catalogue`;
  const schemas: ActionSchemas = AUDIT_CATALOGUE[row.action];
  // An API token's mark is the principal's, not the action's: checked apart, then set aside.
  const { after, apiToken } = readPrincipalMark(row.after);
  if (row.after !== after && apiToken === null) return `${row.action}: after.${API_TOKEN_KEY} does not name a token`;
  const sides = { before: row.before, after };
  for (const side of ["before", "after"] as const) {
    const value = sides[side];
    const schema = schemas[side];
    if (schema === null) {
      if (value !== null && value !== undefined) return `${row.action}: ${side} is not written by this action`;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success)
      return `${row.action}: ${side} — ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`;
  }
  return null;
}
