import type { Prisma } from "../db/generated/client.ts";
import { readAlertDegradation, type TAlertDegradation } from "../impact/alert-degradation.ts";
import { incidentRef, type SeverityName, type StatusName } from "../vocabulary/incidents.ts";
import type { IntegrationKindName } from "./kinds.ts";
import type { AlertMapping, ServiceRule, SeverityRule } from "./mapping.ts";
import { ZServiceRule, ZSeverityRule } from "./schemas.ts";

export const integrationSelect = {
  id: true,
  kind: true,
  name: true,
  secret: true,
  serviceLabel: true,
  defaultServiceId: true,
  defaultService: { select: { id: true, name: true } },
  serviceRules: true,
  severityLabel: true,
  severityRules: true,
  defaultSeverity: true,
  opensIncidents: true,
  groupAlerts: true,
  alertDegradation: true,
  lastReceivedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.IntegrationSelect;

export type IntegrationRow = Prisma.IntegrationGetPayload<{ select: typeof integrationSelect }>;

export interface IntegrationDto {
  id: string;
  kind: IntegrationKindName;
  name: string;
  /** Relative to the server's public URL: POST alerts here. */
  webhookPath: string;
  /** The secret's last four characters, to tell which one a source was given. */
  secretHint: string;
  serviceLabel: string;
  defaultService: { id: string; name: string } | null;
  serviceRules: ServiceRule[];
  severityLabel: string;
  severityRules: SeverityRule[];
  defaultSeverity: SeverityName;
  opensIncidents: boolean;
  /** Alertmanager/Grafana: one incident per notification group rather than per alert. */
  groupAlerts: boolean;
  /** Severity → percent degraded assumed for the service's journeys when an alert opens an incident; null = the organisation's. */
  alertDegradation: TAlertDegradation | null;
  lastReceivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Distinct de-duplication keys seen and alerts received in all. */
  stats: { keys: number; received: number };
}

export interface RecentAlertDto {
  dedupKey: string;
  title: string;
  status: "firing" | "resolved";
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
  incident: { id: string; ref: string; status: StatusName } | null;
  service: { id: string; name: string } | null;
}

/** A request Warroom refused: when, the status and why, the start of the body (no headers, no secrets). */
export interface WebhookRefusalDto {
  receivedAt: string;
  status: number;
  code: string;
  reason: string;
  bodyExcerpt: string;
}

/** Rules are JSON columns: read them through their schemas so a bad row never reaches the mapper. */
export function readRules(row: Pick<IntegrationRow, "serviceRules" | "severityRules">) {
  const service = ZServiceRule.array().safeParse(row.serviceRules);
  const severity = ZSeverityRule.array().safeParse(row.severityRules);
  return { serviceRules: service.success ? service.data : [], severityRules: severity.success ? severity.data : [] };
}

export function mappingOf(row: IntegrationRow): AlertMapping {
  return {
    serviceLabel: row.serviceLabel,
    defaultServiceId: row.defaultServiceId,
    severityLabel: row.severityLabel,
    defaultSeverity: row.defaultSeverity,
    ...readRules(row),
  };
}

export function toIntegrationDto(row: IntegrationRow, stats = { keys: 0, received: 0 }): IntegrationDto {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    webhookPath: `/api/webhooks/${row.id}`,
    secretHint: row.secret.slice(-4),
    serviceLabel: row.serviceLabel,
    defaultService: row.defaultService,
    ...readRules(row),
    severityLabel: row.severityLabel,
    defaultSeverity: row.defaultSeverity,
    opensIncidents: row.opensIncidents,
    groupAlerts: row.groupAlerts,
    alertDegradation: row.alertDegradation === null ? null : readAlertDegradation(row.alertDegradation),
    lastReceivedAt: row.lastReceivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stats,
  };
}

export const recentAlertSelect = {
  dedupKey: true,
  title: true,
  lastStatus: true,
  count: true,
  firstSeenAt: true,
  lastSeenAt: true,
  incident: { select: { id: true, number: true, status: true } },
  service: { select: { id: true, name: true } },
} satisfies Prisma.IntegrationAlertSelect;

export function toRecentAlertDto(row: Prisma.IntegrationAlertGetPayload<{ select: typeof recentAlertSelect }>): RecentAlertDto {
  return {
    dedupKey: row.dedupKey,
    title: row.title,
    status: row.lastStatus,
    count: row.count,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    incident: row.incident ? { id: row.incident.id, ref: incidentRef(row.incident.number), status: row.incident.status } : null,
    service: row.service,
  };
}
