// Client-safe: scenario times ("90s", "2m", "1h30m") ↔ seconds.

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Seconds for "1h30m", "2m", "45s" (and a bare 0); null for anything else. */
export function parseDuration(value: unknown): number | null {
  if (value === 0) return 0;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (!text) return null;
  const m = DURATION.exec(text);
  if (!m) return null;
  const [, h, min, s] = m;
  return Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Number(s ?? 0);
}

/** "1h 5m", "12m", "2m 30s", "0s": how long a drill runs at a speed, or a step's offset. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = [h ? `${h}h` : "", m ? `${m}m` : "", s ? `${s}s` : ""].filter(Boolean);
  return parts.length ? parts.join(" ") : "0s";
}
