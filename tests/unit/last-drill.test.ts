import { describe, expect, it } from "vitest";
import { drillCutoff, serviceLastDrills, teamLastDrills, type FinishedDrillInvolvement } from "../../lib/readiness/last-drill.ts";
import type { ServiceReadiness, TeamReadiness } from "../../lib/readiness/readiness-checks.ts";

const service = (id: string): ServiceReadiness => ({
  id,
  name: id,
  tier: 1,
  team: { id: "t-pay", name: "Payments" },
  checks: { onCall: "ok", runbook: "ok", healthCheck: "ok", alertSource: "ok", baselines: "ok", peakWindow: "ok" },
  gaps: [],
  journeysAtStake: [],
  atStakePerMinute: 0,
});
const team = (id: string): TeamReadiness => ({
  id,
  name: id,
  onCall: ["x"],
  escalationContact: "y",
  chatChannel: "#z",
  services: 1,
  serviceGaps: 0,
  atStakePerMinute: 0,
  gaps: [],
});
const drills: FinishedDrillInvolvement[] = [
  { id: "d-old", endedAt: new Date("2026-07-01T10:00:00Z"), serviceIds: ["psp", "oms"], toldTeamIds: [] },
  { id: "d-new", endedAt: new Date("2026-11-20T10:00:00Z"), serviceIds: ["psp"], toldTeamIds: ["t-ful"] },
];

describe("last drill on the readiness board", () => {
  it("counts drills of the last 90 days, before now or before the peak once it has begun", () => {
    expect(drillCutoff(new Date("2026-12-03T00:00:00Z"), new Date("2027-11-26T00:00:00Z")).toISOString()).toBe("2026-09-04T00:00:00.000Z");
    expect(drillCutoff(new Date("2027-11-28T00:00:00Z"), new Date("2027-11-26T00:00:00Z")).toISOString()).toBe("2027-08-28T00:00:00.000Z");
  });

  it("takes each service's latest drill and names the gap", () => {
    const cutoff = new Date("2026-09-04T00:00:00Z");
    const [psp, oms, cart] = serviceLastDrills([service("psp"), service("oms"), service("cart")], drills, cutoff, "UTC");
    expect(psp?.lastDrill).toEqual({ verdict: "ok", drillId: "d-new", at: "2026-11-20T10:00:00.000Z" });
    expect(psp?.gaps).toEqual([]);
    expect(oms?.lastDrill).toEqual({ verdict: "gap", drillId: "d-old", at: "2026-07-01T10:00:00.000Z" });
    expect(oms?.gaps).toEqual(["Last drill 1 Jul 2026, more than 90 days ago"]);
    expect(cart?.gaps).toEqual(["Never drilled"]);
  });

  it("counts a team that owned an involved service or was told", () => {
    const cutoff = new Date("2026-09-04T00:00:00Z");
    const owners = new Map([
      ["psp", "t-pay"],
      ["oms", "t-ful"],
      ["cart", "t-web"],
    ]);
    const [pay, ful, web] = teamLastDrills([team("t-pay"), team("t-ful"), team("t-web")], owners, drills, cutoff);
    expect(pay?.lastDrill?.drillId).toBe("d-new");
    expect(ful?.lastDrill).toMatchObject({ verdict: "ok", drillId: "d-new" }); // told in d-new
    expect(web?.lastDrill).toEqual({ verdict: "gap", drillId: null, at: null });
    // Reachability is the team's gaps; the drill sits beside them.
    expect(web?.gaps).toEqual([]);
  });
});
