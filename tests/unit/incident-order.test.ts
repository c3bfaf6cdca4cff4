import { describe, expect, it } from "vitest";
import { upsertIncident } from "../../components/incidents/upsert-incident.ts";
import type { SeverityName, StatusName } from "../../lib/vocabulary/incidents.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { orderIncidents } from "../../lib/incidents/incident-order.ts";

let next = 0;
function incident(title: string, severity: SeverityName, status: StatusName, startedAt: string): IncidentDto {
  next += 1;
  return {
    id: `incident-${next}`,
    number: next,
    ref: `INC-${next}`,
    title,
    summary: "",
    severity,
    status,
    customerStatus: "",
    tags: [],
    commander: null,
    declaredBy: null,
    commsLead: null,
    scribe: null,
    suggestedCommander: null,
    responders: [],
    services: [],
    startedAt,
    detectedAt: null,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: status === "resolved" ? "2026-11-27T12:00:00.000Z" : null,
    createdAt: startedAt,
    updatedAt: startedAt,
    lastSeq: 1,
    drillId: null,
  };
}

// A mixed set: every kind of tie the order breaks (severity, age, open or resolved), in no order.
const mixed = [
  incident("old SEV3 open", "SEV3", "monitoring", "2026-11-20T08:00:00.000Z"),
  incident("resolved SEV4 newest", "SEV4", "resolved", "2026-11-27T09:00:00.000Z"),
  incident("new SEV1 open", "SEV1", "investigating", "2026-11-26T10:00:00.000Z"),
  incident("resolved SEV1 older", "SEV1", "resolved", "2026-11-21T09:00:00.000Z"),
  incident("old SEV1 open", "SEV1", "identified", "2026-11-25T10:00:00.000Z"),
  incident("SEV2 open newest", "SEV2", "mitigating", "2026-11-27T11:00:00.000Z"),
];
const expected = ["new SEV1 open", "old SEV1 open", "SEV2 open newest", "old SEV3 open", "resolved SEV4 newest", "resolved SEV1 older"];

describe("incident list order", () => {
  it("is what the server lists: open worst first then newest, resolved after, newest first", () => {
    expect(orderIncidents(mixed).map((i) => i.title)).toEqual(expected);
  });

  it("is the same in the live list, whatever order the pushes arrive in", () => {
    for (const arrival of [mixed, [...mixed].reverse(), [mixed[2], mixed[0], mixed[5], mixed[1], mixed[4], mixed[3]]]) {
      const live = arrival.reduce<IncidentDto[]>((list, i) => (i ? upsertIncident(list, i) : list), []);
      expect(live.map((i) => i.title)).toEqual(orderIncidents(mixed).map((i) => i.title));
    }
  });

  it("moves an incident when it is resolved, and ignores an older copy of it", () => {
    const list = orderIncidents(mixed);
    const top = list[0];
    if (!top) throw new Error("empty list");
    const resolved = { ...top, status: "resolved" as const, lastSeq: 5 };
    const afterResolve = upsertIncident(list, resolved);
    expect(afterResolve.map((i) => i.title)).toEqual([
      "old SEV1 open",
      "SEV2 open newest",
      "old SEV3 open",
      "resolved SEV4 newest",
      "new SEV1 open",
      "resolved SEV1 older",
    ]);
    expect(upsertIncident(afterResolve, { ...top, lastSeq: 2 })).toBe(afterResolve);
  });
});
