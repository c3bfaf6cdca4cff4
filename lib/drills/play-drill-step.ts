// One step of a drill's script, injected into its practice incident inside the caller's
// transaction. Alerts go through the real parser and mapping (lib/integrations); health, survey
// answers and stakeholder questions become the drill's own entries: the real service health the
// status page and other incidents read is never changed, and no real survey source is written.
import type { Prisma } from "../db/generated/client.ts";
import { JOURNEY_LABELS } from "../vocabulary/catalog.ts";
import { ingestDrillAlerts } from "../integrations/ingest-drill-alerts.ts";
import type { TimelineEventDto } from "../timeline/event-dto.ts";
import { appendEvent } from "../timeline/append-event.ts";
import { resolveService } from "./check-catalog.ts";
import { drillAlertPayload } from "./drill-alert-payload.ts";
import type { DrillStep } from "./scenario-types.ts";

type Tx = Prisma.TransactionClient;

export interface StepContext {
  organizationId: string;
  drillId: string;
  incidentId: string;
  /** 0-based index of the step in the script, and the script's length. */
  index: number;
  stepCount: number;
  now: Date;
}

/** `data.drill` on every injected entry: the report and the room's banner read it. */
export interface DrillMark {
  drillId: string;
  /** 1-based. */
  step: number;
  of: number;
  type: DrillStep["type"];
  injected: true;
}

export async function playDrillStep(tx: Tx, step: DrillStep, ctx: StepContext): Promise<TimelineEventDto[]> {
  const mark: DrillMark = { drillId: ctx.drillId, step: ctx.index + 1, of: ctx.stepCount, type: step.type, injected: true };
  const entry = (body: string, data: Record<string, unknown>) =>
    appendEvent(tx, {
      incidentId: ctx.incidentId,
      kind: "note",
      body,
      authorId: null,
      occurredAt: ctx.now,
      data: { ...data, drill: mark },
    });
  switch (step.type) {
    case "alert":
      return ingestDrillAlerts(tx, {
        organizationId: ctx.organizationId,
        incidentId: ctx.incidentId,
        drillId: ctx.drillId,
        kind: step.alert.source,
        rawBody: drillAlertPayload(step.alert, ctx.drillId, ctx.now),
        mark: { ...mark },
      });
    case "health": {
      const services = await tx.service.findMany({
        where: { organizationId: ctx.organizationId },
        select: { id: true, name: true, aliases: true },
      });
      const serviceId = resolveService({ services, teams: [] }, step.health.service);
      const name = services.find((s) => s.id === serviceId)?.name ?? step.health.service;
      const note = step.health.note ? ` — ${step.health.note}` : "";
      return [
        await entry(`Health (drill): ${name} is ${step.health.status}${note}`, {
          health: { serviceId, service: name, status: step.health.status, note: step.health.note },
        }),
      ];
    }
    case "survey": {
      const { journey, text, count } = step.survey;
      const answers = count === 1 ? "1 survey answer" : `${count} survey answers`;
      return [
        await entry(`Customer signal (drill): ${answers} on ${JOURNEY_LABELS[journey]}: “${text}”`, { signal: { journey, text, count } }),
      ];
    }
    case "stakeholder": {
      const { from, message } = step.stakeholder;
      return [await entry(`Stakeholder question (drill) from ${from}: “${message}”`, { stakeholder: { from, message } })];
    }
  }
}
