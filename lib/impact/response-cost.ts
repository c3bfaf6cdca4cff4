// Pure: what the response costs in people's time (Netflix Dispatch's cost model).

export type StaffedRole = "commander" | "comms_lead" | "scribe" | "responder";

/** One role change as the timeline records it (role_change entries: data.field/from/to). */
export interface RoleChangeSpec {
  at: Date;
  field: StaffedRole;
  from: string | null;
  to: string | null;
}

export interface StaffingInput {
  /** People time starts when the incident is declared (the room exists from then on). */
  from: Date;
  /** resolvedAt, or now while the incident is open. */
  until: Date;
  hourlyRate: number;
  /** Who holds each role now; used for roles that never changed. */
  current: { commander: string | null; commsLead: string | null; scribe: string | null; responders: { userId: string; since: Date }[] };
  /** Role changes in the order they were recorded. */
  changes: readonly RoleChangeSpec[];
  /**
   * Everyone who wrote in the timeline (posted, acted, changed something), role or not: when
   * they first and last did. Omitted: role holders only.
   */
  participants?: readonly { userId: string; firstAt: Date; lastAt: Date }[];
}

/**
 * The time around each act a person without a role is counted for: reading up before posting,
 * doing the thing after. A person who posted once costs this much, not the whole incident.
 */
export const PARTICIPATION_ALLOWANCE_MS = 15 * 60_000;

export interface ResponseCost {
  amount: number;
  personHours: number;
  people: number;
}

type Interval = [number, number];

/**
 * Response cost = person-hours × hourly rate, where a person's hours are the union of the time
 * they held any role (commander, comms lead, scribe, responder) between `from` and `until`:
 * someone who is commander and responder at once is counted once.
 *
 * Time in role comes from the timeline: each role_change entry (who held it before, who holds
 * it after, when) closes one holder's interval and opens the next. A role's first holder is the
 * `from` of its first change (or today's holder when it never changed) and holds it from
 * `from`. A responder holds the role from their "joined" entry to their "stepped down" entry;
 * a responder with no entries at all (imported data) counts from when they were added.
 *
 * Everyone else who wrote in the timeline counts too (a second person posting is a second
 * person at work): from their first entry to their last, widened by PARTICIPATION_ALLOWANCE_MS
 * on each side.
 */
export function computeResponseCost(input: StaffingInput): ResponseCost {
  const start = input.from.getTime();
  const end = input.until.getTime();
  if (!(end > start)) return { amount: 0, personHours: 0, people: 0 };
  const byPerson = new Map<string, Interval[]>();
  const hold = (userId: string | null, a: number, b: number) => {
    if (!userId) return;
    const lo = Math.max(a, start);
    const hi = Math.min(b, end);
    if (hi > lo) byPerson.set(userId, [...(byPerson.get(userId) ?? []), [lo, hi]]);
  };

  const slots: [StaffedRole, string | null][] = [
    ["commander", input.current.commander],
    ["comms_lead", input.current.commsLead],
    ["scribe", input.current.scribe],
  ];
  for (const [field, now] of slots) {
    const changes = input.changes.filter((c) => c.field === field);
    let holder = changes.length ? (changes[0]?.from ?? null) : now;
    let since = start;
    for (const c of changes) {
      hold(holder, since, c.at.getTime());
      holder = c.to;
      since = c.at.getTime();
    }
    hold(holder, since, end);
  }

  const joinedAt = new Map<string, number>();
  const seen = new Set<string>();
  for (const c of input.changes.filter((x) => x.field === "responder")) {
    if (c.to) {
      seen.add(c.to);
      if (!joinedAt.has(c.to)) joinedAt.set(c.to, c.at.getTime());
    }
    if (c.from) {
      // A first entry that is a departure means they were responding from the start.
      const since = joinedAt.get(c.from) ?? (seen.has(c.from) ? undefined : start);
      seen.add(c.from);
      if (since !== undefined) hold(c.from, since, c.at.getTime());
      joinedAt.delete(c.from);
    }
  }
  for (const [userId, since] of joinedAt) hold(userId, since, end);
  for (const r of input.current.responders) if (!seen.has(r.userId)) hold(r.userId, r.since.getTime(), end);
  // People who posted or acted without a role: from their first entry to their last, with an
  // allowance on each side; merged with any role time, so nobody counts twice.
  for (const p of input.participants ?? []) {
    hold(p.userId, p.firstAt.getTime() - PARTICIPATION_ALLOWANCE_MS, p.lastAt.getTime() + PARTICIPATION_ALLOWANCE_MS);
  }

  let ms = 0;
  for (const intervals of byPerson.values()) ms += unionLength(intervals);
  const personHours = ms / 3_600_000;
  return { amount: personHours * Math.max(0, input.hourlyRate), personHours, people: byPerson.size };
}

function unionLength(intervals: Interval[]): number {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let [lo, hi] = sorted[0] ?? [0, 0];
  for (const [a, b] of sorted.slice(1)) {
    if (a > hi) {
      total += hi - lo;
      lo = a;
      hi = b;
    } else hi = Math.max(hi, b);
  }
  return total + (hi - lo);
}
