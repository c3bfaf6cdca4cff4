import { assertCan, type Actor } from "../auth/actor.ts";
import type { JourneyName } from "../vocabulary/catalog.ts";
import { AppError } from "../errors/app-error.ts";
import { commitIncidentChange } from "./commit-incident-change.ts";
import { lockIncident } from "../incident-record/lock-incident.ts";
import { publishImpactUpdated } from "../realtime/emit.ts";
import { getIncidentImpact } from "../impact/get-incident-impact.ts";
import type { ImpactSummaryDto } from "../impact/impact-dto.ts";
import { describeImpactChange, type DescribedChange } from "../impact/describe-change.ts";
import { currentDegradations, degradationHistory } from "../impact/loss.ts";
import { ZSetIncidentImpact, type TImpactEntry } from "../impact/schemas.ts";

const hasEvidence = (e: TImpactEntry) =>
  e.failedCheckouts != null || e.errorRate != null || e.supportTickets != null || e.surveyResponses != null;

/**
 * Sets how degraded one or more journeys are, optionally since an earlier instant and with
 * measured figures. One timeline entry (impact_change) records who changed what and when; the
 * new figures are pushed to the room and the triage board after commit. A journey whose
 * degradation does not change and that carries no `since` or evidence is left alone.
 */
export async function setIncidentImpact(actor: Actor, incidentId: string, raw: unknown): Promise<ImpactSummaryDto> {
  assertCan(actor, "impact:edit");
  const input = ZSetIncidentImpact.parse(raw);
  const now = new Date();

  let changed = false;
  await commitIncidentChange(actor, incidentId, async (tx) => {
    const incident = await lockIncident(tx, actor, incidentId);
    // One after another: queries inside an interactive transaction share its one connection.
    const org = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { timeZone: true } });
    const { lastSeq } = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { lastSeq: true } });
    const rows = await tx.incidentImpactChange.findMany({
      where: { incidentId },
      orderBy: [{ eventSeq: "asc" }, { recordedAt: "asc" }],
      select: { journey: true, degradation: true, effectiveAt: true, estimated: true },
    });
    // The latest row per journey: an alert's estimate is confirmed by a person re-stating it.
    const isEstimated = new Map(rows.map((r) => [r.journey as JourneyName, r.estimated]));
    const current = currentDegradations(degradationHistory(rows.map((r) => ({ ...r, journey: r.journey as JourneyName }))));

    const entries: (DescribedChange & TImpactEntry)[] = [];
    const problems: { field: string; message: string }[] = [];
    for (const [key, entry] of Object.entries(input.journeys)) {
      const journey = key as JourneyName;
      // A `since` within the clock-skew allowance of now is now.
      const effectiveAt = entry.since ? new Date(Math.min(Date.parse(entry.since), now.getTime())) : now;
      if (effectiveAt < incident.startedAt) {
        problems.push({
          field: `journeys.${journey}.since`,
          message: `since cannot be before the incident started (${incident.startedAt.toISOString()})`,
        });
        continue;
      }
      const previous = current[journey] ?? 0;
      if (entry.degradation === previous && !entry.since && !hasEvidence(entry) && !isEstimated.get(journey)) continue;
      entries.push({ ...entry, journey, effectiveAt, previous });
    }
    if (problems.length) {
      throw new AppError("validation_failed", `Invalid input — ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`, {
        fields: problems,
      });
    }
    if (!entries.length) return null;

    // The entry commitIncidentChange appends next takes lastSeq + 1: the row is locked until commit.
    const eventSeq = lastSeq + 1;
    await tx.incidentImpactChange.createMany({
      data: entries.map((e) => ({
        incidentId,
        journey: e.journey,
        degradation: e.degradation,
        effectiveAt: e.effectiveAt,
        failedCheckouts: e.failedCheckouts ?? null,
        errorRate: e.errorRate ?? null,
        supportTickets: e.supportTickets ?? null,
        surveyResponses: e.surveyResponses ?? null,
        authorId: actor.userId,
        eventSeq,
        recordedAt: now,
      })),
    });
    changed = true;
    const changes = entries.map((e) => ({
      journey: e.journey,
      degradation: e.degradation,
      previous: e.previous,
      since: e.effectiveAt.toISOString(),
      failedCheckouts: e.failedCheckouts ?? null,
      errorRate: e.errorRate ?? null,
      supportTickets: e.supportTickets ?? null,
      surveyResponses: e.surveyResponses ?? null,
    }));
    const body = `Impact: ${entries.map((e) => describeImpactChange(e, org.timeZone, now)).join("; ")}${input.note ? ` — ${input.note}` : ""}`;
    return {
      kind: "impact_change",
      body,
      data: { field: "impact", changes, ...(input.note ? { note: input.note } : {}) },
      audit: { action: "incident.impact", before: Object.fromEntries(entries.map((e) => [e.journey, e.previous])), after: { changes } },
    };
  });

  const impact = await getIncidentImpact(actor, incidentId);
  if (changed) publishImpactUpdated(actor.organizationId, impact);
  return impact;
}
