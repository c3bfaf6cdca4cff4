// Client-safe: how degraded an alert-opened incident's journeys are assumed to be, per severity,
// until a person says otherwise. The organisation sets its defaults; an integration may override.
import { z } from "zod";
import { SEVERITIES, type SeverityName } from "../vocabulary/incidents.ts";

/** A page-worthy SEV1 usually means the journey is largely down; a SEV4 is not money at stake. */
export const DEFAULT_ALERT_DEGRADATION: Record<SeverityName, number> = { SEV1: 50, SEV2: 25, SEV3: 10, SEV4: 0 };

const percent = (field: string) =>
  z
    .number({ error: `${field} must be a whole percent from 0 to 100` })
    .int(`${field} must be a whole percent from 0 to 100`)
    .min(0, `${field} must be between 0 and 100`)
    .max(100, `${field} must be between 0 and 100`);

/** `{ "SEV1": 60, "SEV3": 5 }`: severities left out use the next level (organisation, then built-in). */
export const ZAlertDegradation = z
  .object(
    Object.fromEntries(SEVERITIES.map((s) => [s, percent(s).optional()])) as Record<
      SeverityName,
      z.ZodOptional<ReturnType<typeof percent>>
    >,
  )
  .strict();
export type TAlertDegradation = z.infer<typeof ZAlertDegradation>;

/** A stored JSON column read through the schema: a bad row counts as "not set". */
export function readAlertDegradation(value: unknown): TAlertDegradation {
  const parsed = ZAlertDegradation.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export function alertDegradationFor(
  severity: SeverityName,
  integration: TAlertDegradation | null,
  organization: TAlertDegradation,
): number {
  return integration?.[severity] ?? organization[severity] ?? DEFAULT_ALERT_DEGRADATION[severity];
}

/** Worth waking someone: a commander is suggested for these. */
export function isPageWorthy(severity: SeverityName): boolean {
  return severity === "SEV1" || severity === "SEV2";
}
