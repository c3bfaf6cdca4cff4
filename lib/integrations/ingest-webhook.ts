import { z } from "zod";
import { db } from "../db/client.ts";
import { errorFields, log } from "../log.ts";
import type { Prisma } from "../db/generated/client.ts";
import { AppError, notFound } from "../errors/app-error.ts";
import { incidentRef, SEVERITY_INFO, type SeverityName } from "../vocabulary/incidents.ts";
import { createIncidentInTx } from "../incidents/create-incident-in-tx.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishIncidentDeclared, publishIncidentUpdated, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { estimateAlertImpact, suggestCommanderFromTeam, type EstimatedService } from "./estimate-alert-impact.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import type { NormalizedAlert } from "./alert.ts";
import { integrationSelect, mappingOf, type IntegrationRow } from "./integration-dto.ts";
import { GROUPING_KINDS, KIND_INFO } from "./kinds.ts";
import { nameKey, pickService, pickSeverity, pickTeam, serviceKeys, serviceName, type AlertMapping } from "./mapping.ts";
import { findBadTextInJson } from "../validation/text.ts";
import { parseWebhook } from "./parse-webhook.ts";
import { ingestSurvey } from "../signals/ingest-survey.ts";
import { applyPageAcknowledgement } from "../paging/apply-page-acknowledgement.ts";
import { autoPageSev1 } from "../paging/auto-page-sev1.ts";
import { verifyWebhook } from "./verify-webhook.ts";
import { assertNotLockedOut, countAuthFailure, countAuthenticRequest } from "./webhook-rate-limit.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";
import { alertEntry, occurredAt } from "./alert-entry.ts";

export const MAX_WEBHOOK_BYTES = 256 * 1024;
/** Senders time out (Alertmanager 10 s, Datadog 15 s) and retry: answer well before, whatever the batch. */
export const ANSWER_BUDGET_MS = 1_500;

export interface WebhookRequest {
  headers: Headers;
  rawBody: string;
  query: URLSearchParams;
}

export interface IngestResult {
  /** Alerts in the payload. */
  received: number;
  /** New incidents opened. */
  opened: number;
  /** Alert entries appended to open incidents (status changes only). */
  appended: number;
  /** Repeats of an alert whose status did not change: counted, nothing written to a timeline. */
  repeats: number;
  /** Alerts recorded without an incident (resolved with none open, or the integration does not open incidents). */
  recorded: number;
  /** Events that carry no alert state (PagerDuty acknowledgements, Opsgenie notes). */
  ignored: number;
  /** Alerts still being applied after the answer (a large batch past the time budget). */
  deferred: number;
  /** The same delivery id was processed before: nothing was stored again. */
  duplicate: boolean;
  /** Incidents this request opened (`opened: true`) or added alert entries to (`opened: false`). */
  incidents: { id: string; ref: string; opened: boolean }[];
}

type Integration = IntegrationRow & { organizationId: string };
type Outcome = "opened" | "appended" | "repeats" | "recorded";
interface Pending {
  declared: IncidentDto[];
  updated: Set<string>;
  events: TimelineEventDto[];
}
const newPending = (): Pending => ({ declared: [], updated: new Set(), events: [] });

interface Ctx {
  integration: Integration;
  mapping: AlertMapping;
  services: ReadonlyMap<string, string>;
  serviceNames: ReadonlyMap<string, string>;
  /** Teams by nameKey, read only when an alert names an owning team. */
  teams: ReadonlyMap<string, { id: string; name: string }>;
  /** What an estimate needs of each service (journeys, owning team's on-call), by id. */
  serviceInfo: ReadonlyMap<string, EstimatedService>;
  /** The organisation's alertDegradation setting (severity → percent). */
  alertDegradation: unknown;
}

/**
 * The inbound half of an alert source: authenticate, parse, then per alert de-duplicate and
 * open an incident or append to the open one. Never calls out: a few queries per alert, so
 * the sender gets its answer well within its timeout. Nothing is stored unless the request
 * is authentic and the payload readable.
 */
export async function ingestWebhook(integrationId: string, request: WebhookRequest): Promise<IngestResult> {
  const started = performance.now();
  if (Buffer.byteLength(request.rawBody) > MAX_WEBHOOK_BYTES) throw new AppError("payload_too_large", "Request body is larger than 256 KB");
  if (!z.uuid().safeParse(integrationId).success) throw notFound("Integration");
  const integration = await db().integration.findUnique({
    where: { id: integrationId },
    select: { ...integrationSelect, organizationId: true },
  });
  if (!integration) throw notFound("Integration");
  await assertNotLockedOut(request.headers);
  if (!verifyWebhook(integration.kind, integration.secret, request)) {
    await countAuthFailure(request.headers);
    const how =
      KIND_INFO[integration.kind].auth === "hmac"
        ? "X-PagerDuty-Signature does not match the signing secret"
        : "the secret is missing or wrong";
    throw new AppError("unauthorized", `Webhook refused: ${how}`);
  }
  await countAuthenticRequest(integration.id);
  // Survey tools send customers' answers, not alerts: counted as impact evidence, no incident.
  // Vendors' text goes into incidents and alerts: NUL and the like are refused before anything is written.
  const bad = findBadTextInJson(request.rawBody);
  if (bad) throw new AppError("validation_failed", `Invalid payload — ${bad.field}: ${bad.message}`, { fields: [bad] });
  // The dispatch on the kind: signals knows nothing of alerts or of this result, so no file cycle.
  if (integration.kind === "survey")
    return { opened: 0, appended: 0, ignored: 0, deferred: 0, incidents: [], ...(await ingestSurvey(integration, request.rawBody)) };
  const parsed = parseWebhook(integration.kind, request.rawBody, {
    groupAlerts: integration.groupAlerts && GROUPING_KINDS.includes(integration.kind),
  });

  const result: IngestResult = {
    received: parsed.alerts.length,
    opened: 0,
    appended: 0,
    repeats: 0,
    recorded: 0,
    ignored: parsed.ignored,
    deferred: 0,
    duplicate: false,
    incidents: [],
  };
  const ctx: Ctx = { integration, mapping: mappingOf(integration), ...(await loadServices(integration, parsed.alerts)) };
  const pending = newPending();
  const count = (o: Outcome) => void (result[o] += 1);

  // What a transaction wrote is merged into `pending` only once it committed, and whatever
  // committed is pushed even when a later alert of the same request fails.
  const committed = (staged: Pending) => {
    pending.declared.push(...staged.declared);
    pending.events.push(...staged.events);
    for (const id of staged.updated) pending.updated.add(id);
  };
  try {
    if (parsed.deliveryId !== null) {
      // One transaction with the delivery record: a redelivery (even a concurrent one) waits on
      // the primary key, then finds it and stores nothing.
      const staged = newPending();
      const outcomes = await db().$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
            INSERT INTO "WebhookDelivery" ("integrationId", "deliveryId") VALUES (${integration.id}::uuid, ${parsed.deliveryId})
            ON CONFLICT DO NOTHING`;
        if (inserted === 0) return null;
        const list: Outcome[] = [];
        for (const alert of sortByKey(parsed.alerts)) list.push(await applyAlert(tx, ctx, alert, staged));
        return list;
      }, TX_OPTIONS);
      committed(staged);
      outcomes?.forEach(count);
      result.duplicate = outcomes === null;
      if (outcomes === null) result.ignored += parsed.alerts.length;
    } else {
      // One transaction per alert: an alert's de-duplication row is locked only while that alert
      // is applied, so concurrent deliveries never wait on each other in a cycle.
      for (const [i, alert] of parsed.alerts.entries()) {
        if (performance.now() - started > ANSWER_BUDGET_MS) {
          // Past the budget: answer now and apply the rest right after, on this instance.
          const rest = parsed.alerts.slice(i);
          result.deferred = rest.length;
          void applyLater(ctx, rest);
          break;
        }
        const staged = newPending();
        count(await db().$transaction((tx) => applyAlert(tx, ctx, alert, staged), TX_OPTIONS));
        committed(staged);
      }
    }
    if (parsed.alerts.length || parsed.ignored) {
      await db().integration.update({ where: { id: integration.id }, data: { lastReceivedAt: new Date() }, select: { id: true } });
    }
  } finally {
    await publish(integration.organizationId, pending);
  }
  // A pager vendor acknowledging one of our pages (lib/paging); the alerts were handled as ever.
  await applyPageAcknowledgement(integration.organizationId, integration.kind, request.rawBody);
  result.incidents = await touchedIncidents(pending);
  return result;
}

/** Opened first, then those that only received entries (in the order of their numbers). */
async function touchedIncidents(pending: Pending): Promise<IngestResult["incidents"]> {
  const opened = new Set(pending.declared.map((i) => i.id));
  const appended = [...pending.updated].filter((id) => !opened.has(id));
  const rows = appended.length
    ? await db().incident.findMany({ where: { id: { in: appended } }, select: { id: true, number: true }, orderBy: { number: "asc" } })
    : [];
  return [
    ...pending.declared.map((i) => ({ id: i.id, ref: i.ref, opened: true })),
    ...rows.map((r) => ({ id: r.id, ref: incidentRef(r.number), opened: false })),
  ];
}

/** The rest of a large batch, after the answer: each alert as before, each pushed once committed. */
async function applyLater(ctx: Ctx, alerts: NormalizedAlert[]): Promise<void> {
  for (const alert of alerts) {
    const staged = newPending();
    try {
      await db().$transaction((tx) => applyAlert(tx, ctx, alert, staged), TX_OPTIONS);
      await publish(ctx.integration.organizationId, staged);
    } catch (error) {
      log.error("deferred alert failed", { integrationId: ctx.integration.id, dedupKey: alert.dedupKey, ...errorFields(error) });
    }
  }
}

/** The organisation's services by name key, read once per request and only when an alert names one. */
async function loadServices(integration: Integration, alerts: NormalizedAlert[]) {
  const mapping = mappingOf(integration);
  const needsLookup =
    alerts.some((a) => serviceName(a, mapping) !== null) || mapping.defaultServiceId !== null || mapping.serviceRules.length > 0;
  const [rows, org] = needsLookup
    ? await Promise.all([
        db().service.findMany({
          where: { organizationId: integration.organizationId },
          select: { id: true, name: true, aliases: true, journeys: true, team: { select: { name: true, onCall: true } } },
        }),
        db().organization.findUnique({ where: { id: integration.organizationId }, select: { alertDegradation: true } }),
      ])
    : [[], null];
  const needsTeams = alerts.some((a) => a.owners?.teams.length || a.labels.team);
  const teams = needsTeams
    ? await db().team.findMany({ where: { organizationId: integration.organizationId }, select: { id: true, name: true } })
    : [];
  return {
    services: serviceKeys(rows),
    serviceNames: new Map(rows.map((s) => [s.id, s.name])),
    teams: new Map(teams.map((t) => [nameKey(t.name), t])),
    serviceInfo: new Map(rows.map((s) => [s.id, { name: s.name, journeys: s.journeys, team: s.team }])),
    alertDegradation: org?.alertDegradation ?? {},
  };
}

function sortByKey(alerts: NormalizedAlert[]): NormalizedAlert[] {
  return [...alerts].sort((a, b) => (a.dedupKey < b.dedupKey ? -1 : a.dedupKey > b.dedupKey ? 1 : 0));
}

interface KeyRow {
  id: string;
  incidentId: string | null;
  lastStatus: "firing" | "resolved";
  count: number;
  incidentStatus: string | null;
}

async function applyAlert(tx: Prisma.TransactionClient, ctx: Ctx, alert: NormalizedAlert, pending: Pending): Promise<Outcome> {
  const { integration } = ctx;
  const serviceId = pickService(alert, ctx.mapping, ctx.services);
  const validServiceId = serviceId && ctx.serviceNames.has(serviceId) ? serviceId : null;
  // Upsert and lock the key's row in one statement; a new row has count 0 (bumped below).
  const [row] = await tx.$queryRaw<KeyRow[]>`
    WITH up AS (
      INSERT INTO "IntegrationAlert" ("id", "integrationId", "dedupKey", "title", "lastStatus", "count", "firstSeenAt", "lastSeenAt")
      VALUES (gen_random_uuid(), ${integration.id}::uuid, ${alert.dedupKey}, ${alert.title}, ${alert.status}::"AlertStatus", 0, now(), now())
      ON CONFLICT ("integrationId", "dedupKey") DO UPDATE SET "lastSeenAt" = now()
      RETURNING "id", "incidentId", "lastStatus", "count"
    )
    SELECT up."id", up."incidentId", up."lastStatus"::text AS "lastStatus", up."count", i."status"::text AS "incidentStatus"
    FROM up LEFT JOIN "Incident" i ON i."id" = up."incidentId"`;
  if (!row) throw new Error("alert upsert returned no row");
  const isNew = row.count === 0;
  const statusChanged = isNew || row.lastStatus !== alert.status;
  const hasOpenIncident = row.incidentId !== null && row.incidentStatus !== null && row.incidentStatus !== "resolved";

  let incidentId = row.incidentId;
  let outcome: Outcome;
  if (hasOpenIncident && row.incidentId) {
    if (statusChanged) {
      pending.events.push(await appendEvent(tx, alertEntry(ctx, row.incidentId, alert, validServiceId, row.count + 1)));
      pending.updated.add(row.incidentId);
      outcome = "appended";
    } else {
      outcome = "repeats";
    }
  } else if (alert.status === "firing" && integration.opensIncidents && (statusChanged || row.incidentId === null)) {
    incidentId = await openIncident(tx, ctx, alert, validServiceId, pickSeverity(alert, ctx.mapping), pending);
    outcome = "opened";
  } else {
    outcome = isNew || statusChanged ? "recorded" : "repeats";
  }

  await tx.integrationAlert.update({
    where: { id: row.id },
    data: { count: { increment: 1 }, lastStatus: alert.status, title: alert.title, incidentId, serviceId: validServiceId },
    select: { id: true },
  });
  return outcome;
}

/** Declares an incident for a firing alert: no commander yet (someone takes command in the room). */
async function openIncident(
  tx: Prisma.TransactionClient,
  ctx: Ctx,
  alert: NormalizedAlert,
  serviceId: string | null,
  severity: SeverityName,
  pending: Pending,
): Promise<string> {
  const { integration } = ctx;
  const startedAt = occurredAt(alert);
  const title = alert.title.length >= 3 ? alert.title : `Alert: ${alert.title}`;
  const { incident, events } = await createIncidentInTx(
    tx,
    { organizationId: integration.organizationId, actorId: null, via: "webhook" },
    {
      title: title.slice(0, 200),
      summary: alert.description.slice(0, 5000),
      severity,
      tags: [`alert:${integration.kind}`],
      startedAt,
      detectedAt: startedAt,
      serviceIds: serviceId ? [serviceId] : [],
      open: (tx, incidentId) => openingEntries(tx, ctx, { incidentId, alert, serviceId, severity, startedAt }),
      auditSource: { integrationId: integration.id, integration: integration.name, dedupKey: alert.dedupKey },
      outbound: { data: { source: integration.name } },
    },
  );
  pending.events.push(...events);
  pending.declared.push(incident);
  return incident.id;
}

/** An alert-opened incident's first entries: the alert, the declaration, the impacted service with its estimate, a suggested commander. */
async function openingEntries(
  tx: Prisma.TransactionClient,
  ctx: Ctx,
  opened: { incidentId: string; alert: NormalizedAlert; serviceId: string | null; severity: SeverityName; startedAt: Date },
): Promise<TimelineEventDto[]> {
  const { integration } = ctx;
  const { incidentId, alert, serviceId, severity } = opened;
  const events = [await appendEvent(tx, alertEntry(ctx, incidentId, alert, serviceId, 1))];
  events.push(
    await appendEvent(tx, {
      incidentId,
      kind: "status_change",
      body: `Opened by ${integration.name} · ${SEVERITY_INFO[severity].label} · investigating · no commander yet`,
      authorId: null,
      data: { field: "status", from: null, to: "investigating" },
    }),
  );
  let suggested: Awaited<ReturnType<typeof suggestCommanderFromTeam>> = null;
  if (serviceId) {
    events.push(
      await appendEvent(tx, {
        incidentId,
        kind: "impact_change",
        body: `Impacted: ${ctx.serviceNames.get(serviceId) ?? "service"}`,
        authorId: null,
        data: { field: "services", added: [serviceId], removed: [] },
      }),
    );
    const service = ctx.serviceInfo.get(serviceId);
    if (service) {
      const estimate = await estimateAlertImpact(tx, {
        organizationId: integration.organizationId,
        incidentId,
        service,
        severity,
        startedAt: opened.startedAt,
        integrationSetting: integration.alertDegradation,
        organizationSetting: ctx.alertDegradation,
      });
      if (estimate.event) events.push(estimate.event);
      suggested = estimate.suggestedCommander;
    }
  } else {
    const team = pickTeam(alert, ctx.teams);
    if (team)
      suggested = await suggestCommanderFromTeam(tx, { organizationId: integration.organizationId, incidentId, teamId: team.id, severity });
  }
  if (suggested) {
    events.push(
      await appendEvent(tx, {
        incidentId,
        kind: "note",
        body: `Suggested commander: ${suggested.name} (first on call for ${suggested.team}). Not assigned: take command or assign someone in the room.`,
        authorId: null,
        data: { suggestedCommander: { id: suggested.id, name: suggested.name } },
      }),
    );
  }
  return events;
}

/** After commit: new incidents to the organisation, entries to their rooms, in order. */
async function publish(organizationId: string, pending: Pending) {
  for (const incident of pending.declared) publishIncidentDeclared(organizationId, incident);
  if (pending.declared.length) kickOutbound();
  for (const event of pending.events) publishTimelineEvent(event);
  for (const incident of pending.declared) if (incident.severity === "SEV1") await autoPageSev1(organizationId, incident.id);
  if (!pending.updated.size) return;
  const rows = await db().incident.findMany({ where: { id: { in: [...pending.updated] } }, select: incidentSelect });
  for (const row of rows) publishIncidentUpdated(organizationId, toIncidentDto(row));
}
