// Pure helpers shared by the insights charts.

/** The axis top: the next round figure above the peak (1, 2, 2.5 or 5 × a power of ten). */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * magnitude >= value) return m * magnitude;
  return 10 * magnitude;
}

/** "45 min", "2 h 10 min", "1 d 3 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m / 60} h`;
  const h = Math.round(m / 60);
  return h % 24 ? `${Math.floor(h / 24)} d ${h % 24} h` : `${h / 24} d`;
}

/** Short axis labels so a 26-week axis stays readable: every nth label only. */
export function labelStep(count: number): number {
  return count <= 8 ? 1 : count <= 14 ? 2 : 4;
}

/** Axis top for durations in minutes: round minutes below an hour, round hours above. */
export function niceMinutes(max: number): number {
  return max <= 60 ? niceCeil(max) : niceCeil(max / 60) * 60;
}

/** "20m", "2h", "2h 30m": axis labels that fit beside the plot. */
export function formatMinutesShort(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m}m`;
  return m % 60 ? `${Math.floor(m / 60)}h ${m % 60}m` : `${m / 60}h`;
}
