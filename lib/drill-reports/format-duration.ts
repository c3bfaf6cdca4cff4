// Client-safe: "7m 30s", "1h 05m", "45s"; the report's times read the same on the page and in lessons.
export function formatDrillDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m) return s ? `${m}m ${String(s).padStart(2, "0")}s` : `${m}m`;
  return `${s}s`;
}

/** "+2m 10s" slower, "−45s" faster, "±0s" the same. */
export function formatDelta(ms: number): string {
  if (Math.round(ms / 1000) === 0) return "±0s";
  return `${ms > 0 ? "+" : "−"}${formatDrillDuration(ms)}`;
}
