import { AppError } from "../errors/app-error.ts";
import type { KeyTime } from "./schemas.ts";

// Pure: the order key times must keep, and the durations leadership reads.

export type KeyTimes = Record<KeyTime, Date | null> & { startedAt: Date };

const LABELS: Record<KeyTime, string> = {
  startedAt: "started",
  detectedAt: "detected",
  acknowledgedAt: "acknowledged",
  mitigatedAt: "mitigated",
  resolvedAt: "resolved",
};

export function keyTimeLabel(key: KeyTime): string {
  return LABELS[key];
}

/** Each pair is [earlier, later]: the later one may not come before the earlier one. */
const ORDER: [KeyTime, KeyTime][] = [
  ["startedAt", "detectedAt"],
  ["detectedAt", "acknowledgedAt"],
  ["startedAt", "acknowledgedAt"],
  ["startedAt", "mitigatedAt"],
  ["startedAt", "resolvedAt"],
  ["mitigatedAt", "resolvedAt"],
];

/**
 * Throws a validation error naming the field when times are out of order. Only pairs touching a
 * changed time are checked, so an old inconsistency never blocks an unrelated change.
 */
export function assertKeyTimesInOrder(times: KeyTimes, changed: readonly KeyTime[]): void {
  for (const [earlier, later] of ORDER) {
    if (!changed.includes(earlier) && !changed.includes(later)) continue;
    const a = times[earlier];
    const b = times[later];
    if (a && b && b.getTime() < a.getTime()) {
      const message = `${later} cannot be before ${earlier} (${LABELS[later]} before ${LABELS[earlier]})`;
      throw new AppError("validation_failed", `Invalid input — ${later}: ${message}`, { fields: [{ field: later, message }] });
    }
  }
}

export interface Durations {
  /** Time to acknowledge: acknowledged − (detected, or started). */
  mttaMs: number | null;
  /** Time to mitigate: mitigated − started. */
  ttmMs: number | null;
  /** Time to resolve: resolved − started. */
  mttrMs: number | null;
}

export function durations(t: { startedAt: string; detectedAt: string | null; acknowledgedAt: string | null; mitigatedAt: string | null; resolvedAt: string | null }): Durations {
  const ms = (s: string | null) => (s ? Date.parse(s) : null);
  const started = Date.parse(t.startedAt);
  const detected = ms(t.detectedAt) ?? started;
  const ack = ms(t.acknowledgedAt);
  const mitigated = ms(t.mitigatedAt);
  const resolved = ms(t.resolvedAt);
  return {
    mttaMs: ack === null ? null : ack - detected,
    ttmMs: mitigated === null ? null : mitigated - started,
    mttrMs: resolved === null ? null : resolved - started,
  };
}

/** "14:02 UTC, 22 Nov": server-written timeline text names its zone. */
export function formatUtc(date: Date | null): string {
  if (!date) return "not set";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" }).format(date) + " UTC";
}
