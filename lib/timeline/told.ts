// The one notion of "told", read from the record: a notification entry (not struck) that names a
// catalog team by id, however it was written (/notify, "Mark told…", the API, a page). The room's
// "Teams to tell", triage, the post-mortem and insights all read it through this function.

export interface NotificationRow {
  seq: number;
  data: unknown;
  occurredAt: Date;
}

export interface TeamTold<R extends NotificationRow> {
  /** The first entry: when the team was first told. */
  first: R;
  /** The last word on the team (a later entry, e.g. acknowledged, wins): its state now. */
  latest: R;
  data: Record<string, unknown>;
}

/** Team id → how it was told, from an incident's notification entries in any order. */
export function toldByTeam<R extends NotificationRow>(rows: readonly R[]): Map<string, TeamTold<R>> {
  const told = new Map<string, TeamTold<R>>();
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    const data = (row.data ?? {}) as Record<string, unknown>;
    if (typeof data.teamId !== "string") continue;
    const seen = told.get(data.teamId);
    const first = seen && seen.first.occurredAt <= row.occurredAt ? seen.first : row;
    told.set(data.teamId, { first, latest: row, data });
  }
  return told;
}
