// Pure: how fast the room did each thing a real incident needs, measured from the drill's start.
// No I/O, so the maths is unit-tested with hand-computed times (tests/unit/drill-score.test.ts).
import type { DrillMetric, MetricKey, TeamTold } from "./report-types.ts";

/** A timeline entry as the scorer reads it (struck-through entries are left out by the caller). */
export interface ScoredEntry {
  seq: number;
  kind: string;
  body: string;
  data: Record<string, unknown> | null;
  /** Null: written by the system or the drill's player, which is not the room responding. */
  authorName: string | null;
  occurredAt: Date;
  targetSeq: number | null;
}

export interface ScoredImpactChange {
  journey: string;
  degradation: number;
  recordedAt: Date;
  /** Estimated from an injected alert: the room has not said anything yet. */
  estimated: boolean;
  byPerson: boolean;
}

export interface ScoreInput {
  startedAt: Date;
  speed: number;
  /** The incident's acknowledged key time, when someone stamped it. */
  acknowledgedAt: Date | null;
  failingService: { id: string; name: string; aliases: readonly string[] } | null;
  entries: readonly ScoredEntry[];
  impactChanges: readonly ScoredImpactChange[];
  /** Teams of the failing service's blast radius (owner first, then by distance). */
  blastTeams: readonly { id: string; name: string; depth: number }[];
}

export interface Score {
  metrics: DrillMetric[];
  teams: TeamTold[];
}

const compact = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Does a hypothesis name the service: by its name or an alias (any case or punctuation), or a link to it? */
export function namesService(
  entry: Pick<ScoredEntry, "body" | "data">,
  service: { id: string; name: string; aliases: readonly string[] },
): boolean {
  const data = entry.data ?? {};
  if (data.serviceId === service.id) return true;
  const text = `${entry.body} ${typeof data.url === "string" ? data.url : ""}`;
  if (text.includes(`/catalog/services/${service.id}`)) return true;
  const body = compact(text);
  return [service.name, ...service.aliases].map(compact).some((n) => n.length >= 3 && body.includes(n));
}

function timed(key: MetricKey, input: ScoreInput, at: Date | null, detail: string): DrillMetric {
  if (!at) return { key, wallMs: null, drillMs: null, at: null, detail };
  // Something done before the start (a back-dated entry) counts as done at once, never negative.
  const wallMs = Math.max(0, at.getTime() - input.startedAt.getTime());
  return { key, wallMs, drillMs: wallMs * input.speed, at: at.toISOString(), detail };
}

// The drill's own entries (the start notice, injected steps) carry `data.drill`: even when the
// starter is their author, they are the exercise, not the room responding to it.
const byPerson = (e: ScoredEntry) => e.authorName !== null && !e.data?.drill;
const first = <T extends { occurredAt: Date }>(items: readonly T[]): T | undefined =>
  [...items].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())[0];

/** Acknowledged: the key time when stamped, else the first entry a person wrote in the room. */
function acknowledge(input: ScoreInput): DrillMetric {
  const entry = first(input.entries.filter(byPerson));
  const stamped = input.acknowledgedAt && input.acknowledgedAt >= input.startedAt ? input.acknowledgedAt : null;
  if (stamped && (!entry || stamped <= entry.occurredAt)) return timed("acknowledge", input, stamped, "acknowledged time stamped");
  return timed("acknowledge", input, entry?.occurredAt ?? null, entry ? `first entry by ${entry.authorName}` : "nobody wrote in the room");
}

function severity(input: ScoreInput): DrillMetric {
  const change = first(input.entries.filter((e) => byPerson(e) && e.kind === "severity_change"));
  const to = typeof change?.data?.to === "string" ? change.data.to : "";
  return timed("severity", input, change?.occurredAt ?? null, change ? `${to} by ${change.authorName}` : "severity never set by a person");
}

function impact(input: ScoreInput): DrillMetric {
  const change = [...input.impactChanges]
    .filter((c) => c.byPerson && !c.estimated)
    .sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())[0];
  return timed(
    "impact",
    input,
    change?.recordedAt ?? null,
    change ? `${change.journey} ${change.degradation}%` : "impact never set or confirmed by a person",
  );
}

/** First time each blast-radius team was told, through the one notion of "told" (data.teamId). */
function teamsTold(input: ScoreInput): TeamTold[] {
  const firstTold = new Map<string, Date>();
  for (const e of input.entries) {
    const teamId = e.kind === "notification" ? e.data?.teamId : undefined;
    if (typeof teamId !== "string") continue;
    const known = firstTold.get(teamId);
    if (!known || e.occurredAt < known) firstTold.set(teamId, e.occurredAt);
  }
  return input.blastTeams.map((t) => {
    const m = timed("notifyAll", input, firstTold.get(t.id) ?? null, "");
    return { id: t.id, name: t.name, depth: t.depth, toldAt: m.at, wallMs: m.wallMs, drillMs: m.drillMs };
  });
}

function notifyAll(input: ScoreInput, teams: readonly TeamTold[]): DrillMetric {
  const untold = teams.filter((t) => t.toldAt === null);
  if (teams.length === 0) return timed("notifyAll", input, null, "no team in the blast radius");
  if (untold.length) return timed("notifyAll", input, null, `never told: ${untold.map((t) => t.name).join(", ")}`);
  const last = teams.reduce((a, b) => ((b.wallMs ?? 0) > (a.wallMs ?? 0) ? b : a));
  return timed("notifyAll", input, new Date(last.toldAt as string), `${teams.length} teams, ${last.name} last`);
}

/** The first hypothesis naming the failing service, and when it (or a later one naming it) was confirmed. */
function identify(input: ScoreInput): [DrillMetric, DrillMetric] {
  const service = input.failingService;
  if (!service) return [timed("identify", input, null, "the scenario names no failing service"), timed("confirm", input, null, "")];
  const hypotheses = input.entries.filter((e) => e.kind === "hypothesis" && byPerson(e) && namesService(e, service));
  const named = first(hypotheses);
  const seqs = new Set(hypotheses.map((h) => h.seq));
  const amendments = input.entries.filter((e) => e.kind === "amendment" && e.targetSeq !== null && seqs.has(e.targetSeq) && confirmedBy(e));
  // An entry holds its current state (amended in place): confirmed by an amendment, the amendment
  // says when; confirmed with no such amendment, it was posted confirmed.
  const amended = new Set(amendments.map((a) => a.targetSeq));
  const confirmations = [...hypotheses.filter((h) => h.data?.state === "confirmed" && !amended.has(h.seq)), ...amendments];
  const confirmed = first(confirmations);
  return [
    timed(
      "identify",
      input,
      named?.occurredAt ?? null,
      named ? `hypothesis #${named.seq} by ${named.authorName}` : `no hypothesis named ${service.name}`,
    ),
    timed(
      "confirm",
      input,
      confirmed?.occurredAt ?? null,
      confirmed ? `confirmed by ${confirmed.authorName ?? "the system"}` : "never confirmed",
    ),
  ];
}

/** An amendment that moved a hypothesis to "confirmed" (it carries the entry as it became). */
function confirmedBy(amendment: ScoredEntry): boolean {
  const entry = amendment.data?.entry as { data?: { state?: unknown } } | undefined;
  return amendment.data?.change === "state" && entry?.data?.state === "confirmed";
}

function firstUpdate(input: ScoreInput): DrillMetric {
  const update = first(input.entries.filter((e) => e.kind === "stakeholder_update" && byPerson(e)));
  return timed("firstUpdate", input, update?.occurredAt ?? null, update ? `by ${update.authorName}` : "no stakeholder update posted");
}

export function scoreDrill(input: ScoreInput): Score {
  const teams = teamsTold(input);
  const [identified, confirmed] = identify(input);
  return {
    metrics: [acknowledge(input), severity(input), impact(input), notifyAll(input, teams), identified, confirmed, firstUpdate(input)],
    teams,
  };
}
