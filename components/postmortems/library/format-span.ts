// Pure: how long an incident lasted, for tight table cells.
/** "2 h 10 min", "52 min". */
export function formatSpan(ms: number | null): string {
  if (ms === null) return "ongoing";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}
