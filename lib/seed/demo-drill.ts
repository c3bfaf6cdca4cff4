import type { Prisma } from "../db/generated/client.ts";
import { finishDrillInTx } from "../drill-reports/finish-drill.ts";
import { PAYMENT_GATEWAY_TIMEOUTS } from "../drills/scenarios/payment-gateway-timeouts.ts";
import { appendEvent } from "../timeline/append-event.ts";
import type { EventKindName } from "../vocabulary/timeline.ts";

type Tx = Prisma.TransactionClient;

interface DrillIds {
  organizationId: string;
  users: Map<string, string>;
  teams: Map<string, string>;
  services: Map<string, string>;
  number: number;
  now: Date;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const SPEED = 2;

// The shipped scenario as it was run (32 wall minutes at ×2: all its 12 scenario minutes of steps
// were played); the timeline below is the record of that run, so the seed plays no steps itself.
const SCENARIO = {
  key: "payment-gateway-timeouts",
  name: "Payment gateway adapter timeouts at 10× Black Friday traffic",
  yaml: PAYMENT_GATEWAY_TIMEOUTS,
  steps: 8,
};

interface Entry {
  /** Wall minutes after the start (the drill ran at ×2: double it for scenario time). */
  at: number;
  kind: EventKindName;
  body: string;
  by: "COMMANDER" | "RESPONDER" | null;
  data?: Record<string, unknown>;
}

/**
 * Nine days ago the team ran the payment-gateway drill at ×2 for 32 minutes: acknowledged fast,
 * impact set in time, but severity, naming the adapter and the first stakeholder update were slow,
 * and Fulfillment (whose OMS keeps capturing payments) was never told. Scored by the real scoring
 * code at seed time, so /readiness and the report at /drills/{id} have content on the first start.
 */
export async function seedDemoDrill(tx: Tx, ids: DrillIds): Promise<string> {
  const psp = ids.services.get("Payment gateway adapter");
  const team = (name: string) => ids.teams.get(name) ?? "";
  if (!psp) throw new Error("The demo drill needs the payment gateway adapter");
  const startedAt = new Date(Date.parse(`${new Date(ids.now.getTime() - 9 * DAY).toISOString().slice(0, 10)}T14:00:00.000Z`));
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * MINUTE);
  const commander = ids.users.get("COMMANDER") ?? null;
  const drill = await tx.drill.create({
    data: {
      organizationId: ids.organizationId,
      scenarioKey: SCENARIO.key,
      scenarioName: SCENARIO.name,
      scenarioYaml: SCENARIO.yaml,
      nextStep: SCENARIO.steps,
      failingServiceId: psp,
      speed: SPEED,
      startedById: commander,
      startedAt,
      createdAt: startedAt,
    },
  });
  const incident = await tx.incident.create({
    data: {
      organizationId: ids.organizationId,
      number: ids.number,
      title: `[DRILL] ${SCENARIO.name}`,
      summary: "Game-day drill: the PSP answers slowly at 10× traffic, the adapter's pool fills and card authorisations time out.",
      severity: "SEV4",
      status: "resolved",
      tags: ["drill"],
      commanderId: commander,
      declaredById: commander,
      startedAt,
      detectedAt: startedAt,
      acknowledgedAt: at(2),
      mitigatedAt: at(26),
      resolvedAt: at(32),
      createdAt: startedAt,
      drillId: drill.id,
    },
  });
  await tx.incidentService.create({ data: { incidentId: incident.id, serviceId: psp, addedAt: at(0) } });
  const mark = (type: string) => ({ drill: { drillId: drill.id, type } });
  const told = (name: string, channel: string) => ({ target: name, teamId: team(name), channel, acknowledgedAt: null });
  const entries: Entry[] = [
    {
      at: 0,
      kind: "status_change",
      body: "DRILL — practice incident. Casey Commander started the drill at ×2.",
      by: "COMMANDER",
      data: { field: "status", from: null, to: "investigating", ...mark("start") },
    },
    {
      at: 0,
      kind: "alert",
      body: "PaymentGatewayTimeouts: p99 authorisation latency > 8s (p99 8.4s over 5m, 10× request rate)",
      by: null,
      data: mark("alert"),
    },
    { at: 2, kind: "note", body: "Looking at it; I'm taking command.", by: "COMMANDER" },
    {
      at: 3,
      kind: "notification",
      body: "Paged Payments on-call: card authorisations timing out.",
      by: "COMMANDER",
      data: told("Payments", "pager"),
    },
    {
      at: 5,
      kind: "impact_change",
      body: "Impact: payment 60%, checkout 40%",
      by: "RESPONDER",
      data: {
        field: "impact",
        changes: [
          { journey: "payment", degradation: 60 },
          { journey: "checkout", degradation: 40 },
        ],
        note: null,
      },
    },
    {
      at: 6,
      kind: "notification",
      body: "Checkout told in #team-checkout: orders fail after the payment step.",
      by: "RESPONDER",
      data: told("Checkout", "chat"),
    },
    {
      at: 7,
      kind: "severity_change",
      body: "Severity: SEV4 → SEV1",
      by: "COMMANDER",
      data: { field: "severity", from: "SEV4", to: "SEV1" },
    },
    {
      at: 9,
      kind: "hypothesis",
      body: "Fraud screening is slow and holding authorisations.",
      by: "RESPONDER",
      data: { state: "ruled_out" },
    },
    {
      at: 10,
      kind: "stakeholder_update",
      body: "Card payments failing for ~40% of checkouts; Payments investigating, next update in 15 min.",
      by: "COMMANDER",
    },
    {
      at: 12,
      kind: "hypothesis",
      body: "Payment gateway adapter's connection pool is exhausted by PSP timeouts.",
      by: "RESPONDER",
      data: { state: "confirmed" },
    },
    {
      at: 14,
      kind: "notification",
      body: "Storefront told: show the 'pay later' banner.",
      by: "COMMANDER",
      data: told("Storefront", "chat"),
    },
    {
      at: 20,
      kind: "action",
      body: "Raised the adapter's PSP timeout budget and enabled the fallback acquirer.",
      by: "RESPONDER",
      data: { outcome: "worked" },
    },
    {
      at: 26,
      kind: "status_change",
      body: "Status: Investigating → Monitoring",
      by: "COMMANDER",
      data: { field: "status", from: "investigating", to: "monitoring" },
    },
    {
      at: 32,
      kind: "status_change",
      body: "Resolved: Monitoring → Resolved",
      by: "COMMANDER",
      data: { field: "status", from: "monitoring", to: "resolved" },
    },
  ];
  for (const e of entries) {
    const authorId = e.by ? (ids.users.get(e.by) ?? null) : null;
    const event = await appendEvent(tx, {
      incidentId: incident.id,
      kind: e.kind,
      body: e.body,
      data: e.data,
      authorId,
      occurredAt: at(e.at),
      recordedAt: at(e.at),
    });
    if (e.kind === "impact_change") {
      await tx.incidentImpactChange.createMany({
        data: [
          {
            incidentId: incident.id,
            journey: "payment",
            degradation: 60,
            effectiveAt: at(1),
            authorId,
            eventSeq: event.seq,
            recordedAt: at(e.at),
          },
          {
            incidentId: incident.id,
            journey: "checkout",
            degradation: 40,
            effectiveAt: at(1),
            authorId,
            eventSeq: event.seq,
            recordedAt: at(e.at),
          },
        ],
      });
    }
    if (e.kind === "stakeholder_update") {
      await tx.stakeholderUpdate.create({
        data: {
          organizationId: ids.organizationId,
          incidentId: incident.id,
          authorId,
          affected: "Card payments at checkout",
          doing: "Payments investigating the gateway adapter",
          journeyStatus: { payment: "partial_outage", checkout: "degraded" },
          eventSeq: event.seq,
          createdAt: at(e.at),
        },
      });
    }
    if (e.kind === "hypothesis" && e.data?.state === "confirmed") {
      // Posted open, confirmed 4 minutes later (wall): the amendment is when it was confirmed.
      await appendEvent(tx, {
        incidentId: incident.id,
        kind: "amendment",
        body: `marked hypothesis #${event.seq} confirmed`,
        targetSeq: event.seq,
        authorId: commander,
        occurredAt: at(16),
        recordedAt: at(16),
        data: { change: "state", entry: event },
      });
    }
  }
  // Impact ends with the resolution; the scoring code writes the report as endDrill would.
  await finishDrillInTx(tx, { organizationId: ids.organizationId, actor: null }, drill.id, at(32));
  return drill.id;
}
