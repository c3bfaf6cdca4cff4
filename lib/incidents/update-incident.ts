import { assertCan, type Actor } from "../auth/actor.ts";
import { canCommand } from "../auth/permissions.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { EventKind, Prisma } from "../db/generated/client.ts";
import { forbidden } from "../errors/app-error.ts";
import { enqueueOutbound } from "../outbound/enqueue-outbound.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { resolveIncidentPages } from "../paging/resolve-pages.ts";
import { autoPageSev1 } from "../paging/auto-page-sev1.ts";
import { publishIncidentUpdated, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { STATUS_LABELS } from "../vocabulary/incidents.ts";
import { incidentSelect, toIncidentDto, type IncidentDto } from "../incident-record/incident-dto.ts";
import { formatDuration } from "../time/format.ts";
import { formatDateTime } from "../time/format.ts";
import { assertKeyTimesInOrder, keyTimeLabel, toWholeSecond, type KeyTimes } from "../incident-record/key-times.ts";
import { lockIncident, type LockedIncident } from "../incident-record/lock-incident.ts";
import { finishDrillOfResolvedIncident } from "../drill-reports/finish-drill.ts";
import { KEY_TIMES, ZUpdateIncident, type KeyTime } from "../incident-record/schemas.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

type Input = ReturnType<typeof ZUpdateIncident.parse>;

interface Change {
  kind: EventKind;
  body: string;
  /** A re-open also carries the resolution it undoes (resolvedAt), so the record keeps it. */
  data: { field: string; from: string | null; to: string | null; resolvedAt?: string };
}

function assertAllowed(actor: Actor, incident: LockedIncident, input: Input): void {
  const commands = canCommand(actor, incident);
  const needsCommand = (["title", "severity", "status", ...KEY_TIMES] as const).filter((f) => input[f] !== undefined);
  if (needsCommand.length && !commands) {
    throw forbidden(`Only the incident commander or a commander can change ${needsCommand.join(", ")}`);
  }
  if (input.customerStatus !== undefined && !commands && incident.commsLeadId !== actor.userId) {
    throw forbidden("Only the incident commander or the communications lead can change the customer-facing status");
  }
}

/** New key times after the request and the status change's implied ones (explicit values win). */
function nextKeyTimes(incident: LockedIncident, input: Input, now: Date): KeyTimes {
  const times: KeyTimes = { ...incident };
  const status = input.status ?? incident.status;
  if (input.status && input.status !== incident.status) {
    if (status === "resolved") {
      times.resolvedAt = now;
      times.mitigatedAt ??= now;
    } else {
      times.resolvedAt = null; // re-opened
      if (status === "monitoring") times.mitigatedAt ??= now;
    }
  }
  for (const key of KEY_TIMES) {
    const value = input[key];
    if (value === undefined) continue;
    if (key === "startedAt") times.startedAt = new Date(value as string);
    else times[key] = value === null ? null : new Date(value);
  }
  return times;
}

function describeChanges(incident: LockedIncident, input: Input, times: KeyTimes, timeZone: string): Change[] {
  // Server-written text names its zone: the organisation's, the one screens show by default.
  const at = (d: Date | null) => (d ? formatDateTime(d, timeZone, true) : "not set");
  const changes: Change[] = [];
  const field = (name: string, from: string | null, to: string | null) => ({ field: name, from, to });
  if (input.status && input.status !== incident.status) {
    const isReopen = incident.status === "resolved";
    const verb = isReopen ? "Re-opened" : input.status === "resolved" ? "Resolved" : "Status";
    // A re-open is its own entry and keeps the first resolution in the record: when, and after how long.
    const first =
      isReopen && incident.resolvedAt
        ? ` (first resolved ${at(incident.resolvedAt)}, after ${formatDuration(incident.resolvedAt.getTime() - incident.startedAt.getTime())})`
        : "";
    changes.push({
      kind: "status_change",
      body: `${verb}: ${STATUS_LABELS[incident.status]} → ${STATUS_LABELS[input.status]}${first}`,
      data: {
        ...field("status", incident.status, input.status),
        ...(isReopen && incident.resolvedAt ? { resolvedAt: incident.resolvedAt.toISOString() } : {}),
      },
    });
  }
  if (input.severity && input.severity !== incident.severity) {
    changes.push({
      kind: "severity_change",
      body: `Severity: ${incident.severity} → ${input.severity}`,
      data: field("severity", incident.severity, input.severity),
    });
  }
  if (input.title !== undefined && input.title !== incident.title) {
    changes.push({ kind: "status_change", body: `Title changed to “${input.title}”`, data: field("title", incident.title, input.title) });
  }
  if (input.customerStatus !== undefined && input.customerStatus !== incident.customerStatus) {
    const text = input.customerStatus ? `“${input.customerStatus}”` : "cleared";
    changes.push({
      kind: "status_change",
      body: `Customer-facing status: ${text}`,
      data: field("customerStatus", incident.customerStatus, input.customerStatus),
    });
  }
  if (input.summary !== undefined && input.summary !== incident.summary) {
    changes.push({ kind: "status_change", body: "Summary updated", data: field("summary", incident.summary, input.summary) });
  }
  if (input.tags && input.tags.join(",") !== incident.tags.join(",")) {
    changes.push({
      kind: "status_change",
      body: `Tags: ${input.tags.join(", ") || "none"}`,
      data: field("tags", incident.tags.join(","), input.tags.join(",")),
    });
  }
  for (const key of KEY_TIMES) {
    const before = incident[key] as Date | null;
    const after = times[key];
    if ((before?.getTime() ?? null) === (after?.getTime() ?? null)) continue;
    changes.push({
      kind: "status_change",
      body: `${keyTimeLabel(key)[0]?.toUpperCase()}${keyTimeLabel(key).slice(1)} time: ${at(after)} (was ${at(before)})`,
      data: field(key, before?.toISOString() ?? null, after?.toISOString() ?? null),
    });
  }
  return changes;
}

/** Severity and status changes go to notification channels, queued in this transaction. */
async function notifyOutside(
  tx: Prisma.TransactionClient,
  organizationId: string,
  before: LockedIncident,
  incident: IncidentDto,
): Promise<void> {
  if (before.severity !== incident.severity) {
    await enqueueOutbound(tx, {
      organizationId,
      event: "incident.severity",
      incident,
      data: { from: before.severity, to: incident.severity },
    });
  }
  if (before.status !== incident.status) {
    const event = incident.status === "resolved" ? "incident.resolved" : "incident.status";
    await enqueueOutbound(tx, { organizationId, event, incident, data: { from: before.status, to: incident.status } });
    // Pages of a resolved incident are resolved at the vendor too: nobody keeps being woken for it.
    if (incident.status === "resolved") await resolveIncidentPages(tx, organizationId, incident.id, incident.commander?.name ?? null);
  }
}

/**
 * Changes an incident's fields in one transaction. Every change is written to the timeline by
 * the system (status, severity, key times…), then pushed to the room and the organisation.
 */
export async function updateIncident(actor: Actor, incidentId: string, raw: unknown): Promise<IncidentDto> {
  assertCan(actor, "incident:edit");
  const input = ZUpdateIncident.parse(raw);
  const { incident, events } = await db().$transaction(async (tx) => {
    const current = await lockIncident(tx, actor, incidentId);
    assertAllowed(actor, current, input);
    // Stamped to the whole second, like every key time, so an edit can put it back exactly.
    const times = nextKeyTimes(current, input, toWholeSecond(new Date()));
    assertKeyTimesInOrder(
      times,
      KEY_TIMES.filter((k) => (times[k]?.getTime() ?? null) !== (current[k]?.getTime() ?? null)),
    );
    const changes = describeChanges(current, input, times, current.timeZone);
    // A PATCH that changes nothing (a retried request, a form saved as it was) writes nothing:
    // no entry, no audit row, no message to channels, no push.
    if (!changes.length)
      return {
        incident: toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentSelect })),
        events: [],
      };
    const timeFields = Object.fromEntries(KEY_TIMES.map((k: KeyTime) => [k, times[k]]));
    const data = {
      title: input.title,
      summary: input.summary,
      severity: input.severity,
      status: input.status,
      customerStatus: input.customerStatus,
      tags: input.tags,
      ...timeFields,
      startedAt: times.startedAt,
    };
    await tx.incident.update({ where: { id: incidentId }, data });
    // Resolving a drill's practice incident ends the drill and stores its report, in this commit.
    if (input.status === "resolved" && current.status !== "resolved")
      await finishDrillOfResolvedIncident(tx, actor, incidentId, times.resolvedAt ?? new Date());
    const events: TimelineEventDto[] = [];
    for (const c of changes) {
      events.push(await appendEvent(tx, { incidentId, kind: c.kind, body: c.body, data: c.data, authorId: actor.userId }));
    }
    const incident = toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentSelect }));
    // The same fields on both sides, so the audit log shows exactly what changed.
    const fields = Object.keys(data) as (keyof typeof data)[];
    const pick = (source: Record<string, unknown>) => Object.fromEntries(fields.map((k) => [k, source[k] ?? null]));
    await recordAudit(tx, actor, {
      action: "incident.update",
      entityType: "Incident",
      entityId: incidentId,
      before: pick(current),
      after: pick({ ...current, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) }),
    });
    await notifyOutside(tx, actor.organizationId, current, incident);
    return { incident, events };
  }, TX_OPTIONS);
  if (!events.length) return incident;
  publishIncidentUpdated(actor.organizationId, incident);
  for (const e of events) publishTimelineEvent(e);
  kickOutbound();
  if (incident.severity === "SEV1" && input.severity === "SEV1") await autoPageSev1(actor.organizationId, incident.id);
  return incident;
}
