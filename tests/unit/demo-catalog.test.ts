import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ZServiceInput, ZTeamInput } from "../../lib/catalog/schemas.ts";
import { DEMO_SERVICES, DEMO_TEAM_MEMBERS, DEMO_TEAMS, DEMO_USERS } from "../../lib/seed/demo-catalog.ts";

// The demo is what people judge the product by: who to call must be filled in everywhere.
describe("the demo catalog", () => {
  it("gives every team a description, on-call contacts and an escalation contact, all valid input", () => {
    for (const team of DEMO_TEAMS) {
      expect(ZTeamInput.safeParse({ ...team, onCall: [...team.onCall] }).success, team.name).toBe(true);
      expect(team.onCall.length, team.name).toBeGreaterThan(0);
      expect(team.escalationContact, team.name).not.toBe("");
      expect(team.description, team.name).not.toBe("");
    }
  });

  it("makes demo users members of teams, naming only demo users", () => {
    const emails = new Set<string>(DEMO_USERS.map((u) => u.email));
    const members = Object.values(DEMO_TEAM_MEMBERS).flat();
    expect(members.every((m) => emails.has(m))).toBe(true);
    // The commander and the responder sit in the Payments team the demo incident is about.
    expect(DEMO_TEAM_MEMBERS.Payments).toEqual(expect.arrayContaining(["commander@warroom.local", "responder@warroom.local"]));
  });

  it("gives every tier-1 service a runbook, and every service passes the catalog's own rules", () => {
    for (const { team: _team, ...service } of DEMO_SERVICES) {
      expect(ZServiceInput.safeParse({ ...service, teamId: randomUUID() }).success, service.name).toBe(true);
      if (service.tier === 1) expect(service.runbookUrl, service.name).toMatch(/^https:\/\/runbooks\.example\.com\//);
    }
  });
});
