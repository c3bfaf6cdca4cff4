// Client-safe: the fact sheet a post-mortem keeps from its incident's record when drafted. The
// schema is the source of the types (draft.ts fills them) and of the OpenAPI `Postmortem.facts`.
import { z } from "zod";

const time = z.iso.datetime();
const figures = z.object({ revenue: z.number(), orders: z.number(), customers: z.number() });

export const ZFactEntry = z.object({ seq: z.number().int(), at: time, kind: z.string(), author: z.string().nullable(), body: z.string() });
export type FactEntry = z.infer<typeof ZFactEntry>;

export const ZNotificationFact = z.object({
  target: z.string(),
  by: z.string().nullable(),
  channel: z.string(),
  at: time,
  // Taken from the entry's data as written: a string, not promised to be an instant.
  acknowledgedAt: z.string().nullable(),
});
export type NotificationFact = z.infer<typeof ZNotificationFact>;

export const ZPostmortemFacts = z
  .object({
    incident: z.object({ id: z.uuid(), ref: z.string(), title: z.string(), severity: z.string(), commander: z.string().nullable() }),
    timeZone: z.string(),
    keyTimes: z.object({
      startedAt: time,
      detectedAt: time.nullable(),
      acknowledgedAt: time.nullable(),
      mitigatedAt: time.nullable(),
      resolvedAt: time.nullable(),
    }),
    durations: z.object({ mttaMs: z.number().nullable(), ttmMs: z.number().nullable(), mttrMs: z.number().nullable() }),
    impact: z.object({
      currency: z.string(),
      loss: figures,
      peakPerMinute: figures,
      responseCost: z.number(),
      journeys: z.array(
        z.object({
          journey: z.string(),
          label: z.string(),
          degradation: z.number(),
          /** How degraded it was until its impact ended (resolution, or recovery). Older drafts lack it. */
          ended: z.object({ degradation: z.number(), at: time }).nullable().optional(),
          failedCheckouts: z.number().nullable(),
          errorRate: z.number().nullable(),
          supportTickets: z.number().nullable(),
        }),
      ),
    }),
    services: z.array(z.object({ name: z.string(), team: z.string() })),
    teams: z.array(
      z.object({ name: z.string(), owns: z.array(z.string()), notifiedAt: time.nullable(), acknowledgedAt: z.string().nullable() }),
    ),
    notifications: z.array(ZNotificationFact),
    pinned: z.array(ZFactEntry),
    timeline: z.array(ZFactEntry),
  })
  .describe("What the incident's record said (times, durations, impact) when the post-mortem was drafted; never recomputed.");
export type PostmortemFacts = z.infer<typeof ZPostmortemFacts>;
