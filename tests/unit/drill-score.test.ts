import { describe, expect, it } from "vitest";
import { draftLessons } from "../../lib/drill-reports/draft-lessons.ts";
import { formatDelta, formatDrillDuration } from "../../lib/drill-reports/format-duration.ts";
import { compareMetrics, median } from "../../lib/drill-reports/score-compare.ts";
import { namesService, scoreDrill, type ScoredEntry, type ScoreInput } from "../../lib/drill-reports/score-drill.ts";

const at = (hms: string) => new Date(`2026-11-20T${hms}Z`);
const PSP = { id: "11111111-1111-4111-8111-111111111111", name: "Payment gateway adapter", aliases: ["payment-gateway"] };
const TEAMS = [
  { id: "team-payments", name: "Payments", depth: 0 },
  { id: "team-checkout", name: "Checkout", depth: 1 },
  { id: "team-fulfillment", name: "Fulfillment", depth: 2 },
];

let seq = 0;
function entry(
  kind: string,
  time: string,
  authorName: string | null,
  body = "",
  data: Record<string, unknown> | null = null,
  targetSeq: number | null = null,
): ScoredEntry {
  return { seq: ++seq, kind, body, data, authorName, occurredAt: at(time), targetSeq };
}

function drill(overrides: Partial<ScoreInput> = {}): ScoreInput {
  seq = 0;
  const started = entry("status_change", "10:00:00", "Dana Lee", "DRILL — practice incident. Dana Lee started the drill", {
    field: "status",
    drill: { type: "start" },
  });
  const injected = entry("alert", "10:00:05", null, "PSP timeouts firing");
  const firstWord = entry("note", "10:01:00", "Dana Lee", "Looking");
  const sev = entry("severity_change", "10:02:30", "Dana Lee", "Severity: SEV3 → SEV1", { field: "severity", from: "SEV3", to: "SEV1" });
  const toldPayments = entry("notification", "10:01:30", "Dana Lee", "Told Payments", {
    teamId: "team-payments",
    target: "Payments",
    channel: "chat",
  });
  const toldCheckoutLate = entry("notification", "10:04:00", "Sam Ortiz", "Told Checkout again", {
    teamId: "team-checkout",
    target: "Checkout",
    channel: "phone",
  });
  const toldCheckout = entry("notification", "10:02:00", "Sam Ortiz", "Told Checkout", {
    teamId: "team-checkout",
    target: "Checkout",
    channel: "chat",
  });
  const wrongGuess = entry("hypothesis", "10:03:20", "Sam Ortiz", "Maybe search is slow", { state: "open" });
  // Amended in place: the entry now says confirmed; the amendment says when.
  const rightGuess = entry("hypothesis", "10:04:00", "Sam Ortiz", "PSP timeouts in payment-gateway", { state: "confirmed" });
  const confirm = entry(
    "amendment",
    "10:06:00",
    "Dana Lee",
    "marked hypothesis confirmed",
    { change: "state", entry: { data: { state: "confirmed" } } },
    rightGuess.seq,
  );
  const reminder = entry("stakeholder_update", "10:05:00", null, "Stakeholder update overdue");
  const update = entry("stakeholder_update", "10:07:00", "Ana Ruiz", "Card payments failing");
  return {
    startedAt: at("10:00:00"),
    speed: 5,
    acknowledgedAt: null,
    failingService: PSP,
    entries: [
      started,
      injected,
      firstWord,
      sev,
      toldPayments,
      toldCheckoutLate,
      toldCheckout,
      wrongGuess,
      rightGuess,
      confirm,
      reminder,
      update,
    ],
    impactChanges: [
      { journey: "payment", degradation: 50, recordedAt: at("10:00:05"), estimated: true, byPerson: false },
      { journey: "payment", degradation: 60, recordedAt: at("10:03:00"), estimated: false, byPerson: true },
    ],
    blastTeams: TEAMS,
    ...overrides,
  };
}

const metric = (input: ScoreInput, key: string) => scoreDrill(input).metrics.find((m) => m.key === key);

describe("drill scoring (wall time × speed = drill time)", () => {
  it("times each step from the drill's start, ignoring what the system, the player and the drill's start notice wrote", () => {
    const input = drill();
    // First entry a person wrote: 10:01:00 → 60 s wall, ×5 = 5 min of scenario time.
    expect(metric(input, "acknowledge")).toMatchObject({ wallMs: 60_000, drillMs: 300_000 });
    // 10:02:30 → 150 s, ×5 = 750 s.
    expect(metric(input, "severity")).toMatchObject({ wallMs: 150_000, drillMs: 750_000, detail: "SEV1 by Dana Lee" });
    // The alert's estimate (10:00:05) is not the room saying it; the person's 10:03:00 is.
    expect(metric(input, "impact")).toMatchObject({ wallMs: 180_000, drillMs: 900_000 });
    // The hypothesis naming the alias at 10:04:00, not the one about search at 10:03:20.
    expect(metric(input, "identify")).toMatchObject({ wallMs: 240_000, drillMs: 1_200_000 });
    expect(metric(input, "confirm")).toMatchObject({ wallMs: 360_000, drillMs: 1_800_000 });
    // The system's overdue reminder at 10:05 is not an update; Ana's at 10:07:00 is.
    expect(metric(input, "firstUpdate")).toMatchObject({ wallMs: 420_000, drillMs: 2_100_000 });
  });

  it("takes each team's first notification and names the teams never told", () => {
    const { teams, metrics } = scoreDrill(drill());
    expect(teams.map((t) => [t.name, t.wallMs, t.drillMs])).toEqual([
      ["Payments", 90_000, 450_000],
      ["Checkout", 120_000, 600_000], // 10:02:00, the earlier of its two notifications
      ["Fulfillment", null, null],
    ]);
    expect(metrics.find((m) => m.key === "notifyAll")).toMatchObject({ drillMs: null, detail: "never told: Fulfillment" });
  });

  it("times telling every team by the last team told once all were", () => {
    const input = drill();
    const told = {
      seq: 99,
      kind: "notification",
      body: "",
      data: { teamId: "team-fulfillment" },
      authorName: "Ana Ruiz",
      occurredAt: at("10:08:00"),
      targetSeq: null,
    };
    expect(metric({ ...input, entries: [...input.entries, told] }, "notifyAll")).toMatchObject({
      wallMs: 480_000,
      drillMs: 2_400_000,
      detail: "3 teams, Fulfillment last",
    });
  });

  it("times a hypothesis posted already confirmed by its own time", () => {
    const input = drill();
    const posted = {
      seq: 50,
      kind: "hypothesis",
      body: "Payment gateway adapter pool exhausted",
      data: { state: "confirmed" },
      authorName: "Ana Ruiz",
      occurredAt: at("10:03:30"),
      targetSeq: null,
    };
    // Named at 10:03:30 (before #8 at 10:04) and confirmed as it was posted: 210 s × 5.
    expect(metric({ ...input, entries: [...input.entries, posted] }, "identify")).toMatchObject({ wallMs: 210_000, drillMs: 1_050_000 });
    expect(metric({ ...input, entries: [...input.entries, posted] }, "confirm")).toMatchObject({ wallMs: 210_000, drillMs: 1_050_000 });
  });

  it("uses the acknowledged key time when it came before anyone wrote", () => {
    expect(metric(drill({ acknowledgedAt: at("10:00:40") }), "acknowledge")).toMatchObject({ wallMs: 40_000, drillMs: 200_000 });
  });

  it("says 'not done' (null) for what never happened, and real time at speed 1", () => {
    const input = drill({ speed: 1, entries: [], impactChanges: [] });
    for (const m of scoreDrill(input).metrics) expect(m.drillMs).toBeNull();
    const one = drill({ speed: 1 });
    expect(metric(one, "severity")).toMatchObject({ wallMs: 150_000, drillMs: 150_000 });
  });

  it("recognises the failing service by name, alias or link, in any case or punctuation", () => {
    expect(namesService({ body: "PAYMENT GATEWAY ADAPTER is slow", data: null }, PSP)).toBe(true);
    expect(namesService({ body: "look at /catalog/services/11111111-1111-4111-8111-111111111111", data: null }, PSP)).toBe(true);
    expect(namesService({ body: "see the map", data: { serviceId: PSP.id } }, PSP)).toBe(true);
    expect(namesService({ body: "the payment provider is down", data: null }, PSP)).toBe(false);
  });
});

describe("comparison with earlier drills and real incidents", () => {
  it("computes deltas (positive = slower) and medians that skip steps not done", () => {
    const { metrics } = scoreDrill(drill());
    const rows = compareMetrics(
      metrics,
      { acknowledge: 600_000, severity: null },
      [{ acknowledge: 600_000 }, { acknowledge: 200_000 }, { acknowledge: null }],
      { acknowledge: 480_000 },
    );
    const ack = rows.find((r) => r.key === "acknowledge");
    expect(ack).toEqual({
      key: "acknowledge",
      previous: 600_000,
      previousDelta: -300_000,
      allDrillsMedian: 400_000,
      realMedian: 480_000,
      realDelta: -180_000,
    });
    expect(rows.find((r) => r.key === "severity")).toMatchObject({
      previous: null,
      previousDelta: null,
      allDrillsMedian: null,
      realMedian: null,
    });
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });
});

describe("what we learned", () => {
  it("sorts steps into went well / slow against the targets and suggests one action per gap", () => {
    const { metrics, teams } = scoreDrill(drill());
    const comparison = compareMetrics(metrics, null, [], { acknowledge: 480_000 });
    const lessons = draftLessons({ metrics, comparison, teams, failingService: { name: PSP.name, teamId: "team-payments" } });
    // acknowledge 5m (target 5m, real median 8m), impact 15m, identify 20m, confirm 30m: in time.
    expect(lessons.wentWell).toEqual([
      "Acknowledge in 5m (target 5m, faster than real incidents' median).",
      "Set impact in 15m (target 15m).",
      "Name the failing service in 20m (target 20m).",
      "Confirm the failing service in 30m (target 30m).",
    ]);
    expect(lessons.wasSlow).toEqual(["Set severity took 12m 30s, target 10m.", "First stakeholder update took 35m, target 15m."]);
    expect(lessons.neverTold).toEqual(["Fulfillment was never told (depends on the failing service, 2 hops away)."]);
    expect(lessons.actions.map((a) => [a.key, a.priority, a.ownerTeamId])).toEqual([
      ["severity", "medium", "team-payments"],
      ["firstUpdate", "medium", "team-payments"],
      ["tell:team-fulfillment", "high", "team-fulfillment"],
    ]);
    // Blameless: no person's name in the lessons.
    expect(JSON.stringify(lessons)).not.toMatch(/Dana|Sam|Ana/);
  });

  it("formats durations and deltas", () => {
    expect(formatDrillDuration(750_000)).toBe("12m 30s");
    expect(formatDrillDuration(3_900_000)).toBe("1h 05m");
    expect(formatDrillDuration(45_000)).toBe("45s");
    expect(formatDelta(-180_000)).toBe("−3m");
    expect(formatDelta(130_000)).toBe("+2m 10s");
    expect(formatDelta(400)).toBe("±0s");
  });
});
