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

/** "2026-12-03T07:09:09": the value a datetime-local input shows for an instant, in a zone (the viewer's by default). */
export function toZonedInput(date: Date, timeZone?: string): string {
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
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The instant a datetime-local value means as a wall-clock time in a zone (the viewer's by default); null when invalid. */
export function fromZonedInput(value: string, timeZone?: string): Date | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  if (!timeZone) {
    const local = new Date(y, mo - 1, d, h, mi, s);
    return Number.isNaN(local.getTime()) ? null : local;
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset at the wall time, then once more at the instant found (DST edges).
  let at = wall - offsetOf(wall, timeZone);
  at = wall - offsetOf(at, timeZone);
  return new Date(at);
}

function offsetOf(at: number, timeZone: string): number {
  const local = toZonedInput(new Date(at), timeZone);
  const [date = "", time = ""] = local.split("T");
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi, s] = time.split(":").map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, h === 24 ? 0 : h, mi, s) - Math.floor(at / 1000) * 1000;
}

/** "14:02" today in a zone (the viewer's by default) → that instant; null when not a time. */
export function todayAt(hhmm: string, now: Date, timeZone?: string): Date | null {
  if (!/^\d\d:\d\d$/.test(hhmm)) return null;
  return fromZonedInput(`${toZonedInput(now, timeZone).slice(0, 10)}T${hhmm}:00`, timeZone);
}
