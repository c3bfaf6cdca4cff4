// Client-safe zod schemas shared by the composer and the API.
import { z } from "zod";
import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";
import { CLOCK_SKEW_MS } from "../vocabulary/timeline.ts";
import { CUSTOMER_STATUSES, MAX_NEXT_UPDATE_MS, MAX_UPDATE_TEXT, type JourneyStatusMap } from "./constants.ts";

const isJourney = (key: string): key is JourneyName => (JOURNEYS as readonly string[]).includes(key);

const text = (field: string, what: string) =>
  z
    .string({ error: `${field} is required: ${what}` })
    .trim()
    .min(1, `${field} is required: ${what}`)
    .max(MAX_UPDATE_TEXT, `${field} must be at most 2,000 characters`);

/**
 * `{ affected, doing, nextUpdateBy?, isPublic?, journeyStatus? }`. nextUpdateBy may be null for a
 * last word ("resolved, no further updates"); otherwise it is a promise within the next 24 hours.
 */
export const ZPostStakeholderUpdate = z
  .object({
    affected: text("affected", "say what customers or the business notice"),
    doing: text("doing", "say what the team is doing about it"),
    nextUpdateBy: z.iso
      .datetime({ offset: true, error: "nextUpdateBy must be an ISO 8601 date-time" })
      .refine((v) => Date.parse(v) > Date.now() - CLOCK_SKEW_MS / 2, "nextUpdateBy must be in the future")
      .refine((v) => Date.parse(v) <= Date.now() + MAX_NEXT_UPDATE_MS + CLOCK_SKEW_MS, "nextUpdateBy must be within 24 hours")
      .nullable()
      .default(null),
    isPublic: z.boolean({ error: "isPublic must be true or false" }).default(false),
    journeyStatus: z
      .record(z.string(), z.enum(CUSTOMER_STATUSES, { error: `must be one of ${CUSTOMER_STATUSES.join(", ")}` }))
      .superRefine((value, ctx) => {
        for (const key of Object.keys(value)) {
          if (!isJourney(key))
            ctx.addIssue({ code: "custom", path: [key], message: `unknown journey "${key}"; one of ${JOURNEYS.join(", ")}` });
        }
      })
      .transform((v) => v as JourneyStatusMap)
      .default({}),
  })
  .strict();
export type TPostStakeholderUpdate = z.input<typeof ZPostStakeholderUpdate>;
