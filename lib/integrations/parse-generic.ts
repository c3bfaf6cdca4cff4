import { z } from "zod";
import { validationError } from "../errors/to-app-error.ts";
import { ZInstant } from "../validation/time.ts";
import { isObject, parseJsonObject, toIso, type ParsedWebhook } from "./alert.ts";

// Warroom's own format for anything else (a cron job, a synthetic check, a script):
// one alert, or { deliveryId?, alerts: [ … ] }. Documented in the README and on the settings page.
export const ZGenericAlert = z.object({
  dedupKey: z
    .string({ error: "dedupKey is required" })
    .trim()
    .min(1, "dedupKey is required")
    .max(500, "dedupKey must be at most 500 characters"),
  status: z.enum(["firing", "resolved"], { error: 'status must be "firing" or "resolved"' }).default("firing"),
  title: z.string({ error: "title is required" }).trim().min(1, "title is required").max(200, "title must be at most 200 characters"),
  description: z.string().max(4000, "description must be at most 4,000 characters").default(""),
  service: z.string().trim().max(200).optional(),
  severity: z.string().trim().max(50).optional(),
  labels: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
  startedAt: ZInstant("startedAt").optional(),
  url: z.url({ protocol: /^https?$/, error: "url must be an http(s) address" }).optional(),
});

export const ZGenericPayload = z
  .object({
    deliveryId: z.string().trim().min(1).max(200).optional(),
    alerts: z.array(ZGenericAlert).min(1, "alerts must hold at least one alert").max(1000, "at most 1,000 alerts per request"),
  })
  // A delivery with an id is applied in one transaction (stored once, all or nothing): keep it small.
  .refine((p) => p.deliveryId === undefined || p.alerts.length <= 100, {
    message: "a delivery with a deliveryId carries at most 100 alerts",
    path: ["deliveryId"],
  });

export function parseGeneric(raw: string): ParsedWebhook {
  const body = parseJsonObject(raw);
  const shaped = Array.isArray(body.alerts) || !isObject(body) ? body : { deliveryId: body.deliveryId, alerts: [body] };
  const parsed = ZGenericPayload.safeParse(shaped);
  if (!parsed.success) throw validationError(parsed.error);
  return {
    deliveryId: parsed.data.deliveryId ?? null,
    ignored: 0,
    alerts: parsed.data.alerts.map((a) => ({
      dedupKey: a.dedupKey,
      status: a.status,
      title: a.title,
      description: a.description,
      labels: { ...a.labels, ...(a.service ? { service: a.service } : {}), ...(a.severity ? { severity: a.severity } : {}) },
      serviceHint: a.service ?? null,
      severityHint: a.severity ?? null,
      startedAt: a.status === "firing" ? (a.startedAt ? toIso(a.startedAt) : null) : null,
      endedAt: a.status === "resolved" ? (a.startedAt ? toIso(a.startedAt) : null) : null,
      sourceUrl: a.url ?? null,
    })),
  };
}
