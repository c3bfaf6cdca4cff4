// Client-safe zod schemas shared by the impact forms and the API.
import { z } from "zod";
import { JOURNEYS, type JourneyName } from "../vocabulary/catalog.ts";
import { ZAlertDegradation } from "./alert-degradation.ts";
import { ZText } from "../validation/text.ts";
import { ZInstant, ZPastInstant } from "../validation/time.ts";

const isJourney = (key: string): key is JourneyName => (JOURNEYS as readonly string[]).includes(key);
const journeyList = JOURNEYS.join(", ");

// Realistic ceilings: 1e308 was accepted and the triage board then showed Infinity and NaN. The
// largest retailers take well under a million per minute; the limits leave room and stay finite
// through every product and sum the impact maths makes.
export const MAX_PER_MINUTE = 1_000_000_000;
export const MAX_COUNT = 1_000_000_000;
export const MAX_HOURLY_RATE = 100_000;
const nonNegative = (field: string, max = MAX_PER_MINUTE) =>
  z
    .number({ error: `${field} must be a number` })
    .finite(`${field} must be a number`)
    .min(0, `${field} cannot be negative`)
    .max(max, `${field} must be at most ${max.toLocaleString("en-US")}`);
const count = (field: string) =>
  z
    .number({ error: `${field} must be a whole number` })
    .int(`${field} must be a whole number`)
    .min(0, `${field} cannot be negative`)
    .max(MAX_COUNT, `${field} must be at most ${MAX_COUNT.toLocaleString("en-US")}`);

export const ZImpactEntry = z
  .object({
    degradation: z
      .number({ error: "degradation must be a number from 0 to 100" })
      .int("degradation must be a whole percent")
      .min(0, "degradation must be between 0 and 100")
      .max(100, "degradation must be between 0 and 100"),
    since: ZPastInstant("since").optional(),
    failedCheckouts: count("failedCheckouts").nullable().optional(),
    errorRate: z
      .number({ error: "errorRate must be a percent" })
      .min(0, "errorRate must be between 0 and 100")
      .max(100, "errorRate must be between 0 and 100")
      .nullable()
      .optional(),
    supportTickets: count("supportTickets").nullable().optional(),
    surveyResponses: count("surveyResponses").nullable().optional(),
  })
  .strict();
export type TImpactEntry = z.input<typeof ZImpactEntry>;

/** `{ journeys: { checkout: { degradation: 40, since? , …evidence } }, note? }` */
export const ZSetIncidentImpact = z
  .object({
    journeys: z.record(z.string(), ZImpactEntry).superRefine((value, ctx) => {
      const keys = Object.keys(value);
      if (keys.length === 0) ctx.addIssue({ code: "custom", message: "name at least one journey" });
      for (const key of keys) {
        if (!isJourney(key)) ctx.addIssue({ code: "custom", path: [key], message: `unknown journey "${key}"; one of ${journeyList}` });
      }
    }),
    note: ZText("note", { max: 500, isMultiLine: true }).optional(),
  })
  .strict();
export type TSetIncidentImpact = z.input<typeof ZSetIncidentImpact>;

export const ZJourneyBaseline = z
  .object({
    revenuePerMinute: nonNegative("revenuePerMinute"),
    ordersPerMinute: nonNegative("ordersPerMinute"),
    customersPerMinute: nonNegative("customersPerMinute"),
    conversionWeight: z
      .number({ error: "conversionWeight must be a number from 0 to 1" })
      .min(0, "conversionWeight must be between 0 and 1")
      .max(1, "conversionWeight must be between 0 and 1"),
  })
  .strict();

const isCurrency = (code: string) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code);
const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const ZPeakWindow = z
  .object({
    name: ZText("name", { min: 1, max: 80 }),
    startsAt: ZInstant("startsAt"),
    endsAt: ZInstant("endsAt"),
    multiplier: z
      .number({ error: "multiplier must be a number" })
      .gt(0, "multiplier must be greater than 0")
      .max(100, "multiplier must be at most 100"),
  })
  .strict()
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), { message: "endsAt must be after startsAt", path: ["endsAt"] });

/** Any subset of the settings; given parts replace what is stored (peak windows as a whole list). */
export const ZImpactSettingsInput = z
  .object({
    currency: z.string().trim().toUpperCase().refine(isCurrency, "currency must be an ISO 4217 code such as USD or EUR"),
    timeZone: z.string().trim().refine(isTimeZone, "timeZone must be an IANA time zone such as America/New_York"),
    hourlyProfile: z
      .array(nonNegative("each hour's multiplier", 100))
      .refine((p) => p.length === 0 || p.length === 24, "hourlyProfile must have 24 values (one per hour) or none for a flat day"),
    responderHourlyRate: nonNegative("responderHourlyRate", MAX_HOURLY_RATE),
    baselines: z.record(z.string(), ZJourneyBaseline).superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!isJourney(key)) ctx.addIssue({ code: "custom", path: [key], message: `unknown journey "${key}"; one of ${journeyList}` });
      }
    }),
    peakWindows: z.array(ZPeakWindow).max(50, "at most 50 peak windows"),
    /** Severity → percent an alert-opened incident's journeys are assumed degraded (integrations may override). */
    alertDegradation: ZAlertDegradation,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change: send at least one field", path: ["(body)"] });
export type TImpactSettingsInput = z.input<typeof ZImpactSettingsInput>;
