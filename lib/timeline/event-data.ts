import { z } from "zod";
import { ZInstant } from "../validation/time.ts";
import { ACTION_OUTCOMES, HYPOTHESIS_STATES, NOTIFY_CHANNELS } from "../vocabulary/timeline.ts";

// The kind-specific part of an entry, stored in TimelineEvent.data and validated per kind.

export const ZActionData = z.object({
  outcome: z.enum(ACTION_OUTCOMES, { error: `outcome must be one of ${ACTION_OUTCOMES.join(", ")}` }).default("pending"),
});
export const ZHypothesisData = z.object({
  state: z.enum(HYPOTHESIS_STATES, { error: `state must be one of ${HYPOTHESIS_STATES.join(", ")}` }).default("open"),
});
export const ZNotificationData = z.object({
  target: z.string({ error: "target is required" }).trim().min(1, "target must name a team or person").max(200),
  channel: z.enum(NOTIFY_CHANNELS, { error: `channel must be one of ${NOTIFY_CHANNELS.join(", ")}` }),
  acknowledgedAt: ZInstant("acknowledgedAt").nullable().default(null),
  // Set when the target is a catalog team, so the room can show each team's notification state.
  teamId: z.uuid({ error: "teamId must be a team id" }).optional(),
  // Who answered, when a pager vendor says so ("Ana Ruiz via PagerDuty").
  acknowledgedBy: z.string().trim().max(200, "acknowledgedBy must be at most 200 characters").optional(),
  // A pager vendor's refusal of the page, as it answered.
  pageError: z.string().max(500, "pageError must be at most 500 characters").optional(),
});
export const ZLinkData = z.object({
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) address" }).max(2000, "url must be at most 2,000 characters"),
});

/** Changes between two values, for status/severity/role/time entries the system writes. */
export const ZChangeData = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export type TActionData = z.infer<typeof ZActionData>;
export type THypothesisData = z.infer<typeof ZHypothesisData>;
export type TNotificationData = z.infer<typeof ZNotificationData>;
export type TLinkData = z.infer<typeof ZLinkData>;
export type TChangeData = z.infer<typeof ZChangeData>;

/** Validates `data` for a posted kind; kinds without data take none. */
export function parseEventData(kind: string, data: unknown): Record<string, unknown> | null {
  switch (kind) {
    case "action":
      return ZActionData.parse(data ?? {});
    case "hypothesis":
      return ZHypothesisData.parse(data ?? {});
    case "notification":
      return ZNotificationData.parse(data ?? {});
    case "link":
      return ZLinkData.parse(data ?? {});
    default:
      return null;
  }
}

/** The schema of a kind's `data`, or null for kinds that carry none (note, decision). */
export function dataSchemaFor(kind: string) {
  switch (kind) {
    case "action":
      return ZActionData;
    case "hypothesis":
      return ZHypothesisData;
    case "notification":
      return ZNotificationData;
    case "link":
      return ZLinkData;
    default:
      return null;
  }
}
