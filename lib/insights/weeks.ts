// Pure: ISO weeks (Monday to Sunday) as calendar days, for bucketing incidents by week.
const DAY = 86_400_000;

const toUtc = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday of the ISO week containing `day` ("YYYY-MM-DD"). */
export function weekStartOf(day: string): string {
  const ms = toUtc(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return toDay(ms - weekday * DAY);
}

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
export function isoWeekNumber(day: string): number {
  const monday = toUtc(weekStartOf(day));
  const thursday = new Date(monday + 3 * DAY);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1) / DAY / 7) + 1;
}

/** "W48". */
export function weekLabel(weekStart: string): string {
  return `W${isoWeekNumber(weekStart)}`;
}

/** The Mondays of the last `count` weeks, the current one last. */
export function lastWeeks(today: string, count: number): string[] {
  const current = toUtc(weekStartOf(today));
  return Array.from({ length: count }, (_, i) => toDay(current - (count - 1 - i) * 7 * DAY));
}
