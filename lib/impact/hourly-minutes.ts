// Pure: how many "profile-weighted minutes" an interval holds, in time proportional to the number
// of UTC offset changes it spans rather than to its length. A year-long (or back-dated) incident
// must not walk every hour: that froze the process (issue #16, finding 1).
import type { ImpactModel } from "./model.ts";
import { hasHourlyProfile } from "./model.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Offsets are probed this far apart; zones never change offset twice within a week. */
const PROBE = 7 * DAY;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (local = utc + offset). */
export function utcOffsetMs(at: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(at)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name);
  if (!m) return 0;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * ((Number(m[2]) * 60 + Number(m[3])) * MINUTE + Number(m[4] ?? 0) * 1000);
}

/** [start, end) pieces of [a, b) in which the zone's offset is constant. */
export function constantOffsetSpans(timeZone: string, a: number, b: number): { start: number; end: number; offset: number }[] {
  const spans: { start: number; end: number; offset: number }[] = [];
  let start = a;
  let offset = utcOffsetMs(a, timeZone);
  let probe = a;
  while (probe < b) {
    const next = Math.min(probe + PROBE, b);
    const there = utcOffsetMs(next === b ? b - 1 : next, timeZone);
    if (there !== offset) {
      // Binary search, in whole minutes (zones change offset on a minute), for the first
      // minute with another offset.
      let lo = Math.floor(probe / MINUTE);
      let hi = Math.ceil((next === b ? b - 1 : next) / MINUTE);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (utcOffsetMs(mid * MINUTE, timeZone) === offset) lo = mid;
        else hi = mid;
      }
      const change = Math.min(Math.max(hi * MINUTE, start + 1), b);
      if (change >= b) break;
      spans.push({ start, end: change, offset });
      start = change;
      offset = utcOffsetMs(change, timeZone);
      probe = change;
      continue;
    }
    probe = next;
  }
  spans.push({ start, end: b, offset });
  return spans;
}

/** ∫ profile[local hour] dt over local times [x0, x1) (ms), with x1 - x0 >= 0. */
function weightedLocal(profile: readonly number[], x0: number, x1: number): number {
  const daySum = profile.reduce((s, p) => s + p, 0);
  const origin = Math.floor(x0 / DAY) * DAY;
  // Distance from the origin's local midnight keeps the numbers small (exact for short spans).
  const upTo = (x: number): number => {
    const days = Math.floor(x / DAY);
    let rest = x - days * DAY;
    let total = days * daySum * HOUR;
    for (let h = 0; rest > 0; h++) {
      const piece = Math.min(rest, HOUR);
      total += (profile[h] ?? 1) * piece;
      rest -= piece;
    }
    return total;
  };
  return upTo(x1 - origin) - upTo(x0 - origin);
}

/** ∫ hourlyMultiplier(t) dt over [a, b), in minutes (just the length when the profile is flat). */
export function hourlyMinutes(model: Pick<ImpactModel, "hourlyProfile" | "timeZone">, a: number, b: number): number {
  if (!(b > a)) return 0;
  if (!hasHourlyProfile(model)) return (b - a) / MINUTE;
  let total = 0;
  for (const s of constantOffsetSpans(model.timeZone, a, b))
    total += weightedLocal(model.hourlyProfile, s.start + s.offset, s.end + s.offset);
  return total / MINUTE;
}
