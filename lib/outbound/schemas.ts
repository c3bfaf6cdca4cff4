import { z } from "zod";
import { ZName } from "../validation/text.ts";
import { destinationUrlProblem } from "./destination-url.ts";
import { OUTBOUND_EVENTS, OUTBOUND_KINDS } from "./events.ts";

const ZUrl = z
  .string({ error: "url is required" })
  .trim()
  .min(1, "url is required")
  .max(2000, "url must be at most 2,000 characters")
  .superRefine((value, ctx) => {
    const problem = destinationUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `url ${problem}` });
  });

const fields = {
  // Unique per organisation ignoring case: normalised so look-alikes compare equal.
  name: ZName("name", { min: 1, max: 80 }),
  url: ZUrl,
  teamId: z.uuid({ error: "teamId must be a team id" }).nullable(),
  events: z
    .array(z.enum(OUTBOUND_EVENTS, { error: `each event is one of ${OUTBOUND_EVENTS.join(", ")}` }))
    .min(1, "choose at least one event")
    .transform((list) => [...new Set(list)]),
  isEnabled: z.boolean({ error: "isEnabled must be true or false" }),
  acceptsDrills: z.boolean({ error: "acceptsDrills must be true or false" }),
};

export const ZCreateChannel = z.object({
  kind: z.enum(OUTBOUND_KINDS, { error: `kind must be one of ${OUTBOUND_KINDS.join(", ")}` }),
  name: fields.name,
  url: fields.url,
  teamId: fields.teamId.optional().default(null),
  events: fields.events.optional().default([...OUTBOUND_EVENTS]),
  isEnabled: fields.isEnabled.optional().default(true),
  acceptsDrills: fields.acceptsDrills.optional().default(false),
});
export type TCreateChannel = z.input<typeof ZCreateChannel>;

export const ZUpdateChannel = z
  .object({
    name: fields.name,
    url: fields.url,
    teamId: fields.teamId,
    events: fields.events,
    isEnabled: fields.isEnabled,
    acceptsDrills: fields.acceptsDrills,
    rotateSecret: z.literal(true, { error: "rotateSecret must be true" }),
  })
  .partial()
  .strict();
export type TUpdateChannel = z.input<typeof ZUpdateChannel>;

export const ZListDeliveries = z.object({
  status: z.enum(["pending", "delivered", "failed"], { error: "status must be pending, delivered or failed" }).optional(),
  channelId: z.uuid({ error: "channelId must be a channel id" }).optional(),
  before: z.uuid({ error: "before must be a delivery id" }).optional(),
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int()
    .min(1, "limit must be 1–200")
    .max(200, "limit must be 1–200")
    .default(50),
});
export type TListDeliveries = z.input<typeof ZListDeliveries>;
