// Pure and client-safe: which catalog team a typed notification target names.

export interface NamedTeam {
  id: string;
  name: string;
}

// People write "Payments on-call" or "the Fulfillment team" for the team itself.
const DECORATIONS = /^(?:the\s+)|\s+(?:on[-\s]?call|team|oncall)$/gi;

function normalise(name: string): string {
  return name.trim().replace(DECORATIONS, "").replace(/\s+/g, " ").toLowerCase();
}

/** The team a target names (case-insensitive; "on-call"/"team" around the name are ignored), or null. */
export function matchTeam<T extends NamedTeam>(target: string, teams: readonly T[]): T | null {
  const wanted = normalise(target);
  if (!wanted) return null;
  return teams.find((t) => normalise(t.name) === wanted) ?? null;
}

/** "No team named “Fulfilment”. Teams: Checkout, Fulfillment, …" — the words a 422 and the composer show. */
export function unknownTeamMessage(target: string, teams: readonly NamedTeam[]): string {
  const names = teams.map((t) => t.name).sort((a, b) => a.localeCompare(b));
  const list = names.length
    ? ` Teams: ${names.slice(0, 12).join(", ")}${names.length > 12 ? ", …" : ""}.`
    : " The catalog has no teams yet.";
  return `No team named “${target.trim()}” in the catalog.${list}`;
}
