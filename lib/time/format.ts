// Pure time formatting shared by every screen: explicit zones, relative beside absolute.

/** "2h 05m 09s", "12m 03s", "41s": the incident clock. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** "just now", "4 min ago", "3 h ago", "2 d ago". */
export function formatRelative(date: Date, now: Date): string {
  const diff = Math.round((now.getTime() - date.getTime()) / 1000);
  const future = diff < 0;
  const abs = Math.abs(diff);
  let text: string;
  if (abs < 45) return "just now";
  if (abs < 3600) text = `${Math.max(1, Math.floor(abs / 60))} min`;
  else if (abs < 86_400) text = `${Math.floor(abs / 3600)} h`;
  else text = `${Math.floor(abs / 86_400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}

/** "14:02:11" in the given zone (the viewer's by default). */
export function formatTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZone }).format(date);
}

/** "22 Nov, 14:02 CET" (or "22 Nov, 14:02:11 CET"): date, time and the zone named. */
export function formatDateTime(date: Date, timeZone?: string, withSeconds = false): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" as const } : {}),
    hour12: false,
    timeZone,
    timeZoneName: "short",
  }).format(date);
}

/** The short name of a zone, e.g. "CET" or "GMT+1". */
export function zoneName(date: Date, timeZone?: string): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? "UTC";
}

/** "07:09:09 CET": a clock time to the second with its zone named (24-hour). */
export function formatClock(date: Date, timeZone?: string): string {
  return `${formatTime(date, timeZone)} ${zoneName(date, timeZone)}`;
}
