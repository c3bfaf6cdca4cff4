// Pure and client-safe: the retail calendar's fixed points and zoned midnights, shared by the demo
// seed (its peak windows) and the readiness board (is the coming peak covered?).

/** Offset of a zone from UTC at an instant, in ms (New York: -5 h in late November). */
export function zoneOffset(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0) - at;
}

/** Local midnight of a calendar day in a zone, as an instant. */
export function zonedMidnight(year: number, monthIndex: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, monthIndex, day);
  return new Date(guess - zoneOffset(guess, timeZone));
}

/** Black Friday: the day after the fourth Thursday of November (27 November in 2026). */
export function blackFriday(year: number): { year: number; month: number; day: number } {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  return { year, month: 10, day: firstThursday + 21 + 1 };
}

export interface PeakPeriod {
  name: string;
  /** Local midnight starting Black Friday. */
  startsAt: Date;
  /** Local midnight ending Cyber Monday (into Tuesday). */
  endsAt: Date;
}

/** The Black Friday – Cyber Monday weekend that has not ended yet at `now`, in the organisation's zone. */
export function comingPeak(now: Date, timeZone: string): PeakPeriod {
  for (const year of [now.getUTCFullYear(), now.getUTCFullYear() + 1]) {
    const bf = blackFriday(year);
    const endsAt = zonedMidnight(bf.year, bf.month, bf.day + 4, timeZone);
    if (endsAt.getTime() > now.getTime()) {
      return { name: `Black Friday – Cyber Monday ${year}`, startsAt: zonedMidnight(bf.year, bf.month, bf.day, timeZone), endsAt };
    }
  }
  // Unreachable: next year's weekend always ends after now.
  throw new Error("no coming peak");
}
