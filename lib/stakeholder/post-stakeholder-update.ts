import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { JOURNEY_LABELS, type JourneyName } from "../vocabulary/catalog.ts";
import { db } from "../db/client.ts";
import { forbidden } from "../errors/app-error.ts";
import { incidentSelect, toIncidentDto } from "../incident-record/incident-dto.ts";
import { lockIncident } from "../incident-record/lock-incident.ts";
import { enqueueOutbound } from "../outbound/enqueue-outbound.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { publishStakeholderUpdate, publishTimelineEvent } from "../realtime/emit.ts";
import { appendEvent } from "../timeline/append-event.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { canPostStakeholderUpdate } from "./can-post-update.ts";
import { CUSTOMER_STATUS_LABELS, type JourneyStatusMap } from "./constants.ts";
import { formatDue } from "./format-due.ts";
import { ZPostStakeholderUpdate } from "./schemas.ts";
import { stakeholderUpdateSelect, toStakeholderUpdateDto, type StakeholderUpdateDto } from "./stakeholder-dto.ts";
import { TX_OPTIONS } from "../db/transaction-options.ts";

type Input = ReturnType<typeof ZPostStakeholderUpdate.parse>;

/** The entry's text: readable on its own, searchable, and what an export or a chat relay shows. */
export function describeUpdate(input: Input, timeZone: string): string {
  const lines = [input.isPublic ? "Stakeholder update · published on the status page" : "Stakeholder update (internal)"];
  lines.push(`Affected: ${input.affected}`, `Doing: ${input.doing}`);
  const journeys = Object.entries(input.journeyStatus as JourneyStatusMap);
  if (journeys.length) {
    lines.push(
      `Customers see: ${journeys.map(([j, s]) => `${JOURNEY_LABELS[j as JourneyName]} ${CUSTOMER_STATUS_LABELS[s].toLowerCase()}`).join(", ")}`,
    );
  }
  lines.push(input.nextUpdateBy ? `Next update by ${formatDue(new Date(input.nextUpdateBy), timeZone)}` : "No further update promised");
  return lines.join("\n");
}

export interface PostedStakeholderUpdate {
  update: StakeholderUpdateDto;
  event: TimelineEventDto;
}

/**
 * Posts a structured update for stakeholders: stored, written to the timeline and audited in one
 * transaction, then pushed to the room (and the organisation, for the triage board). The one
 * place an update is "posted": outbound delivery (chat, webhooks) hangs off its result.
 */
export async function postStakeholderUpdate(actor: Actor, incidentId: string, raw: unknown): Promise<PostedStakeholderUpdate> {
  assertCan(actor, "incident:edit");
  const input = ZPostStakeholderUpdate.parse(raw);
  const result = await db().$transaction(async (tx) => {
    const incident = await lockIncident(tx, actor, incidentId);
    if (!canPostStakeholderUpdate(actor, incident)) {
      throw forbidden("Only the incident commander, the communications lead or a commander can post stakeholder updates");
    }
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { timeZone: true } });
    const created = await tx.stakeholderUpdate.create({
      data: {
        organizationId: actor.organizationId,
        incidentId,
        authorId: actor.userId,
        affected: input.affected,
        doing: input.doing,
        nextUpdateBy: input.nextUpdateBy ? new Date(input.nextUpdateBy) : null,
        isPublic: input.isPublic,
        journeyStatus: input.journeyStatus,
      },
      select: { id: true },
    });
    const event = await appendEvent(tx, {
      incidentId,
      kind: "stakeholder_update",
      body: describeUpdate(input, org.timeZone),
      data: { updateId: created.id, isPublic: input.isPublic, nextUpdateBy: input.nextUpdateBy, journeyStatus: input.journeyStatus },
      authorId: actor.userId,
    });
    const row = await tx.stakeholderUpdate.update({
      where: { id: created.id },
      data: { eventSeq: event.seq },
      select: stakeholderUpdateSelect,
    });
    const update = toStakeholderUpdateDto(row);
    await recordAudit(tx, actor, {
      action: "stakeholder_update.post",
      entityType: "StakeholderUpdate",
      entityId: update.id,
      after: {
        incidentId,
        affected: update.affected,
        doing: update.doing,
        nextUpdateBy: update.nextUpdateBy,
        isPublic: update.isPublic,
        journeyStatus: update.journeyStatus,
      },
    });
    // The channels that follow stakeholder updates get the same text (outbox: commits with it).
    const dto = toIncidentDto(await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: incidentSelect }));
    await enqueueOutbound(tx, {
      organizationId: actor.organizationId,
      event: "stakeholder.update",
      incident: dto,
      data: { text: event.body },
    });
    return { update, event };
  }, TX_OPTIONS);
  publishTimelineEvent(result.event);
  publishStakeholderUpdate(actor.organizationId, result.update);
  kickOutbound();
  return result;
}
