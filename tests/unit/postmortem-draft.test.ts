import { describe, expect, it } from "vitest";
import type { ImpactSummaryDto } from "../../lib/impact/impact-dto.ts";
import type { BlastRadiusDto } from "../../lib/incidents/get-blast-radius.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { draftPostmortem, type IncidentRecord } from "../../lib/postmortems/draft.ts";
import { BUILTIN_TEMPLATES, templateKeyFor } from "../../lib/postmortems/templates.ts";
import type { TimelineEventDto } from "../../lib/timeline/event-dto.ts";

const T = (hhmm: string) => `2026-11-27T${hhmm}:00.000Z`;
const riley = { id: "u-riley", name: "Riley Responder" };
const casey = { id: "u-casey", name: "Casey Commander" };

const incident: IncidentDto = {
  id: "inc-1",
  number: 7,
  ref: "INC-7",
  title: "Card payments failing at checkout",
  summary: "3DS challenge timed out for Visa cards.",
  severity: "SEV1",
  status: "resolved",
  customerStatus: "",
  tags: [],
  commander: casey,
  declaredBy: casey,
  commsLead: null,
  scribe: null,
  suggestedCommander: null,
  responders: [riley],
  services: [{ id: "s-gw", name: "Payment gateway", tier: 1, team: { id: "t-pay", name: "Payments" } }],
  startedAt: T("14:00"),
  detectedAt: T("14:04"),
  acknowledgedAt: T("14:06"),
  mitigatedAt: T("14:40"),
  resolvedAt: T("15:30"),
  createdAt: T("14:05"),
  updatedAt: T("15:30"),
  lastSeq: 6,
  drillId: null,
};

let seq = 0;
const entry = (kind: TimelineEventDto["kind"], at: string, body: string, extra: Partial<TimelineEventDto> = {}): TimelineEventDto => ({
  id: `e${++seq}`,
  incidentId: "inc-1",
  seq,
  kind,
  body,
  data: null,
  clientId: null,
  occurredAt: T(at),
  recordedAt: T(at),
  author: riley,
  pinned: false,
  struck: null,
  editedAt: null,
  revisionCount: 0,
  targetSeq: null,
  ...extra,
});

const events: TimelineEventDto[] = [
  entry("alert", "14:04", "Checkout API 5xx above 5%", { author: null }),
  entry("notification", "14:08", "Told payments", {
    data: { target: "Payments on-call", channel: "pager", teamId: "t-pay", acknowledgedAt: T("14:11") },
  }),
  entry("decision", "14:30", "Disable the new 3DS integration | behind its flag", { pinned: true, author: casey }),
  entry("note", "14:31", "<script>alert(1)</script> posted by mistake", { struck: { at: T("14:32"), reason: "wrong room", by: casey } }),
  entry("action", "14:35", "Flag off\nin all regions", { data: { outcome: "worked" } }),
  entry("amendment", "14:36", "Riley marked action #5 worked", { targetSeq: 5 }),
];

const impact = {
  incidentId: "inc-1",
  currency: "USD",
  timeZone: "UTC",
  asOf: T("15:30"),
  endedAt: T("15:30"),
  perMinute: { revenue: 0, orders: 0, customers: 0 },
  lossSoFar: { revenue: 48_250, orders: 482, customers: 2410 },
  projectionNextHour: { revenue: 0, orders: 0, customers: 0 },
  responseCost: { amount: 540, personHours: 6, people: 4, hourlyRate: 90 },
  journeys: [
    {
      journey: "checkout",
      degradation: 0,
      since: T("15:30"),
      ended: { degradation: 60, at: T("15:30") },
      perMinute: { revenue: 0, orders: 0, customers: 0 },
      evidence: { failedCheckouts: 1204, errorRate: 12, supportTickets: null, surveyResponses: null },
      updatedAt: T("14:20"),
      updatedBy: riley,
      estimated: false,
    },
  ],
  estimated: false,
  series: [
    { at: T("14:00"), revenue: 600, orders: 6, customers: 30 },
    { at: T("15:30"), revenue: 0, orders: 0, customers: 0 },
  ],
  priority: { score: 0, revenueShare: 0, criticality: 0, suggestedSeverity: null },
  rateValidUntil: null,
} satisfies ImpactSummaryDto;

const blastRadius: BlastRadiusDto = {
  impacted: [{ id: "s-gw", name: "Payment gateway" }],
  affected: [],
  suspects: [],
  journeys: ["payment"],
  teams: [
    {
      team: { id: "t-pay", name: "Payments", chatChannel: null },
      owns: ["Payment gateway"],
      affectedVia: [],
      depth: 0,
      notification: { seq: 2, by: riley, at: T("14:08"), channel: "pager", acknowledgedAt: T("14:11"), data: {} },
    },
    { team: { id: "t-ful", name: "Fulfilment", chatChannel: null }, owns: [], affectedVia: [], depth: 1, notification: null },
  ],
};

const record: IncidentRecord = { incident, impact, blastRadius, events };
const full = BUILTIN_TEMPLATES[0]!;
const body = (key: string) => draftPostmortem(record, full).sections.find((s) => s.key === key)?.body ?? "";

describe("drafting a post-mortem from an incident's record", () => {
  it("follows the template's sections in order and titles it by the incident", () => {
    const draft = draftPostmortem(record, full);
    expect(draft.title).toBe("INC-7: Card payments failing at checkout");
    expect(draft.sections.map((s) => [s.key, s.position])).toEqual(full.sections.map((s, i) => [s.key, i]));
  });

  it("keeps the template's guidance out of the Summary text (it is shown beside the editor)", () => {
    const text = body("summary");
    expect(text).toContain("**INC-7 · ");
    expect(text).toContain("3DS challenge timed out for Visa cards.");
    expect(text).not.toMatch(/Replace with|two or three sentences/i);
  });

  it("puts durations, MTTA/MTTR and money into the impact section", () => {
    const text = body("impact");
    expect(text).toContain("| Duration (start → resolved) | 1h 30m 00s |");
    expect(text).toContain("| Time to acknowledge (MTTA) | 2m 00s |");
    expect(text).toContain("| Time to mitigate | 40m 00s |");
    expect(text).toContain("| Revenue lost or at risk | $48,250 |");
    expect(text).toContain("| Orders affected | 482 |");
    expect(text).toContain("| Peak rate | $600/min |");
    // Resolution ended the impact: the record says how bad it was and until when.
    expect(text).toContain("- Checkout: was 60% degraded until 27 Nov, 15:30 UTC (1,204 failed checkouts, 12% errors)");
    expect(text).toContain("- Payment gateway (Payments)");
  });

  it("lists key times and the pinned moments in the timeline", () => {
    const text = body("timeline");
    expect(text).toContain("- Detected: 27 Nov, 14:04 UTC");
    expect(text).toContain("- **27 Nov, 14:30 UTC** — Disable the new 3DS integration | behind its flag (Casey Commander)");
  });

  it("records who was told, when, and whether they answered, and who never was", () => {
    const text = body("response");
    expect(text).toContain("| Payments on-call | Riley Responder | pager | 27 Nov, 14:08 UTC | 27 Nov, 14:11 UTC |");
    expect(text).toContain("Teams in the blast radius never told: Fulfilment.");
    expect(text).toContain("### Where we got lucky");
  });

  it("appends the full timeline without struck-through entries or change records", () => {
    const text = body("appendix");
    expect(text.split("\n")).toHaveLength(4);
    expect(text).toContain("`#5` **27 Nov, 14:35 UTC** · Action · Riley Responder: Flag off in all regions");
    expect(text).not.toContain("<script>");
    expect(text).not.toContain("marked action");
  });

  it("snapshots the facts the document header shows", () => {
    const { facts } = draftPostmortem(record, full);
    expect(facts.durations).toEqual({ mttaMs: 2 * 60_000, ttmMs: 40 * 60_000, mttrMs: 90 * 60_000 });
    expect(facts.pinned.map((p) => p.seq)).toEqual([3]);
    expect(facts.teams).toEqual([
      { name: "Payments", owns: ["Payment gateway"], notifiedAt: T("14:08"), acknowledgedAt: T("14:11") },
      { name: "Fulfilment", owns: [], notifiedAt: null, acknowledgedAt: null },
    ]);
  });

  it("picks the short template for SEV3–4 unless the organisation chose otherwise", () => {
    expect(templateKeyFor("SEV1", {})).toBe("builtin:full");
    expect(templateKeyFor("SEV4", {})).toBe("builtin:short");
    expect(templateKeyFor("SEV4", { SEV4: "custom-id" })).toBe("custom-id");
    const short = draftPostmortem(record, BUILTIN_TEMPLATES[1]!);
    expect(short.sections.map((s) => s.key)).toEqual([
      "summary",
      "impact",
      "timeline",
      "contributing_factors",
      "response",
      "action_items",
      "appendix",
    ]);
  });
});
