// Pure: "14:30 CET", the time a promise falls due, written into timeline text in the
// organisation's zone (viewers' screens show structured times in their own zone).
export function formatDue(date: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(date);
  const zone =
    new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName")
      ?.value ?? "UTC";
  return `${time} ${zone}`;
}
