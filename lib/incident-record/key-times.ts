import type { KeyTime } from "./schemas.ts";
import { invalidField } from "../errors/field-errors.ts";

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

/** Key times are kept to the second: what an input can show is what can be put back exactly. */
export function toWholeSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export interface KeyTimeProblem {
  /** The time that is wrong (the one that was changed, when only one of the pair was). */
  field: KeyTime;
  /** The time it collides with, and its value. */
  other: KeyTime;
  otherAt: Date;
  relation: "before" | "after";
}

const capital = (key: KeyTime) => `${LABELS[key][0]?.toUpperCase()}${LABELS[key].slice(1)}`;

/** "Resolved can't be before Mitigated (07:09:09 UTC)": the words shown at the field. */
export function describeKeyTimeProblem(p: KeyTimeProblem, formatAt: (date: Date) => string): string {
  return `${capital(p.field)} can't be ${p.relation} ${capital(p.other)} (${formatAt(p.otherAt)})`;
}

/**
 * The first pair of times out of order, compared to the second (an instant stored with
 * milliseconds is the same second a form puts back). Only pairs touching a changed time are
 * checked, so an old inconsistency never blocks an unrelated change. Pure: the room checks a
 * draft with it before sending, the server before writing.
 */
export function findKeyTimeProblem(times: KeyTimes, changed: readonly KeyTime[]): KeyTimeProblem | null {
  const sec = (d: Date) => Math.floor(d.getTime() / 1000);
  for (const [earlier, later] of ORDER) {
    if (!changed.includes(earlier) && !changed.includes(later)) continue;
    const a = times[earlier];
    const b = times[later];
    if (!a || !b || sec(b) >= sec(a)) continue;
    // Name the time that moved: moving "mitigated" past "resolved" is the mitigated field's error.
    if (changed.includes(later) || !changed.includes(earlier)) return { field: later, other: earlier, otherAt: a, relation: "before" };
    return { field: earlier, other: later, otherAt: b, relation: "after" };
  }
  return null;
}

/** Throws a validation error at the field, in words, when times are out of order. */
export function assertKeyTimesInOrder(times: KeyTimes, changed: readonly KeyTime[]): void {
  const problem = findKeyTimeProblem(times, changed);
  if (!problem) return;
  const message = describeKeyTimeProblem(problem, (d) => formatUtcTime(d));
  throw invalidField(problem.field, message);
}

/** "07:09:09 UTC, 3 Dec": a key time to the second, as the server words it. */
export function formatUtcTime(date: Date): string {
  const time = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZone: "UTC",
  }).format(date);
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(date);
  return `${time} UTC, ${day}`;
}

export interface Durations {
  /** Time to acknowledge: acknowledged − (detected, or started). */
  mttaMs: number | null;
  /** Time to mitigate: mitigated − started. */
  ttmMs: number | null;
  /** Time to resolve: resolved − started. */
  mttrMs: number | null;
}

export function durations(t: {
  startedAt: string;
  detectedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
}): Durations {
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
