import { describe, expect, it } from "vitest";
import { checkDraft, type ExistingNames } from "../../lib/catalog/io/check-draft.ts";
import { planImport, type CatalogSnapshot } from "../../lib/catalog/io/plan-import.ts";
import { parseSource } from "../../lib/catalog/io/source.ts";
import { readWarroomFile } from "../../lib/catalog/io/warroom-reader.ts";

const EMPTY: ExistingNames = { teams: [], services: [], userEmails: [] };

function check(text: string, existing: ExistingNames = EMPTY) {
  const source = parseSource(text);
  expect(source.errors).toEqual([]);
  return checkDraft(readWarroomFile(source.docs), existing);
}

function issues(text: string, existing: ExistingNames = EMPTY) {
  const result = check(text, existing);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((i) => [i.line, i.kind, i.name, i.field, i.message]);
}

const GOOD = `version: 1
teams:
  - name: Payments
    chatChannel: "#team-payments"
    onCall: [pager:payments]
    members: [ana@shop.example]
services:
  - name: Payment gateway adapter
    kind: payment
    tier: 1
    owner: Payments
    journeys: [checkout, payment]
    runbookUrl: ""
    dependsOn:
      - OMS
      - { service: Fraud check, async: true, critical: false }
  - name: Fraud check
    owner: payments
`;

describe("the Warroom catalog format", () => {
  it("reads teams and services, dependency shorthand and full entries", () => {
    const result = check(GOOD, { teams: [], services: ["OMS"], userEmails: ["ana@shop.example"] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.catalog.teams).toEqual([
      { name: "Payments", chatChannel: "#team-payments", onCall: ["pager:payments"], members: ["ana@shop.example"] },
    ]);
    expect(result.catalog.services[0]).toEqual({
      name: "Payment gateway adapter",
      kind: "payment",
      tier: 1,
      owner: "Payments",
      journeys: ["checkout", "payment"],
      runbookUrl: null, // "" clears it
      dependsOn: [
        { service: "OMS", async: false, critical: true },
        { service: "Fraud check", async: true, critical: false },
      ],
    });
    // "payments" finds the one team called "Payments"; fields left out stay out (kept on update).
    expect(result.catalog.services[1]).toEqual({ name: "Fraud check", owner: "Payments" });
  });

  it("reads the same file as JSON, with JSON's line numbers", () => {
    const json = JSON.stringify({ version: 1, services: [{ name: "Cart", owner: "Nobody" }] }, null, 2);
    expect(issues(json)).toEqual([
      [6, "service", "Cart", "services.0.owner", 'owner "Nobody" is not a team in the file or in the catalog'],
    ]);
  });

  it("reports every bad entity at once, each with its line and field", () => {
    const text = `version: 1
teams:
  - name: Payments
  - name: Payments
  - chatChannel: "#nameless"
services:
  - name: Cart
    owner: Ghosts
    tier: 7
  - name: Checkout
    owner: Payments
    dependsOn: [Checkout, Nowhere, Cart, Cart]
  - name: Search
    owner: Payments
    kind: spaceship
    ownr: typo
  - just a string
`;
    expect(issues(text)).toEqual([
      [4, "team", "Payments", "teams.1.name", 'duplicate team name "Payments" (first on line 3)'],
      [5, "team", "", "teams.2.name", "name is required"],
      [8, "service", "Cart", "services.0.owner", 'owner "Ghosts" is not a team in the file or in the catalog'],
      [9, "service", "Cart", "services.0.tier", "tier must be 1, 2 or 3"],
      [12, "service", "Checkout", "services.1.dependsOn.0", "a service cannot depend on itself"],
      [12, "service", "Checkout", "services.1.dependsOn.1", 'dependsOn "Nowhere" is not a service in the file or in the catalog'],
      [12, "service", "Checkout", "services.1.dependsOn.3", 'dependsOn lists "Cart" more than once'],
      [13, "service", "Search", "services.2", "unknown field ownr"],
      [15, "service", "Search", "services.2.kind", expect.stringMatching(/^kind must be one of storefront, api/)],
      [17, "service", "", "services.3", "each service must be an object with a name"],
    ]);
  });

  it("allows cycles between services", () => {
    const text = `version: 1
teams: [{ name: Fulfillment }]
services:
  - { name: OMS, owner: Fulfillment, dependsOn: [WMS] }
  - { name: WMS, owner: Fulfillment, dependsOn: [OMS] }
`;
    expect(check(text).ok).toBe(true);
  });

  it("needs a version and knows its own fields", () => {
    expect(issues("teams: []\nextra: 1\n")).toEqual([
      [1, "file", "", "(file)", "unknown field extra"],
      [1, "file", "", "version", "version must be 1"],
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    const source = parseSource("version: 1\nteams:\n  - name: [Payments\n");
    expect(source.errors[0]).toMatchObject({ kind: "file", line: 4 });
  });

  it("skips members who are not users of the organisation, with a warning", () => {
    const result = check("version: 1\nteams:\n  - name: Ops\n    members: [ana@shop.example, zed@elsewhere.example]\n", {
      ...EMPTY,
      userEmails: ["Ana@Shop.example"],
    });
    expect(result.ok && result.catalog.teams[0]?.members).toEqual(["Ana@Shop.example"]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 4,
        field: "teams.0.members.1",
        message: "member zed@elsewhere.example is not a user of this organisation; skipped",
      }),
    ]);
  });
});

describe("the import plan", () => {
  const snapshot = (): CatalogSnapshot => ({
    teams: new Map([
      [
        "Payments",
        { id: "t1", name: "Payments", chatChannel: "#pay", description: "", onCall: ["a", "b"], escalationContact: "", memberEmails: [] },
      ],
    ]),
    services: new Map([
      [
        "PSP",
        {
          id: "s1",
          name: "PSP",
          kind: "payment",
          tier: 1,
          owner: "Payments",
          journeys: ["payment", "checkout"],
          description: "",
          runbookUrl: null,
          healthCheckUrl: null,
          system: "",
          dependsOn: new Map([
            ["OMS", { id: "d1", isAsync: false, isCritical: true }],
            ["CRM", { id: "d2", isAsync: true, isCritical: true }],
          ]),
        },
      ],
      [
        "OMS",
        {
          id: "s2",
          name: "OMS",
          kind: "oms",
          tier: 1,
          owner: "Payments",
          journeys: [],
          description: "",
          runbookUrl: null,
          healthCheckUrl: null,
          system: "",
          dependsOn: new Map(),
        },
      ],
      [
        "CRM",
        {
          id: "s3",
          name: "CRM",
          kind: "crm",
          tier: 3,
          owner: "Payments",
          journeys: [],
          description: "",
          runbookUrl: null,
          healthCheckUrl: null,
          system: "",
          dependsOn: new Map([["OMS", { id: "d3", isAsync: false, isCritical: true }]]),
        },
      ],
    ]),
    users: new Map(),
  });

  it("counts what changes, and leaves what the file does not mention alone", () => {
    const plan = planImport(
      {
        teams: [{ name: "Payments", chatChannel: "#pay", onCall: ["b", "a"] }, { name: "Search" }],
        services: [
          {
            name: "PSP",
            owner: "Payments",
            journeys: ["checkout", "payment"],
            dependsOn: [
              { service: "OMS", async: true, critical: true },
              { service: "Search index", async: false, critical: true },
            ],
          },
          { name: "Search index", owner: "Search" },
          { name: "OMS", owner: "Payments", tier: 1 },
        ],
      },
      snapshot(),
    );
    expect(plan.counts).toEqual({
      teams: { create: 1, update: 1, unchanged: 0 }, // on-call order is an escalation order
      services: { create: 1, update: 0, unchanged: 2 }, // journeys are a set
      dependencies: { create: 1, update: 1, unchanged: 0, remove: 1 }, // PSP → CRM is gone; CRM → OMS untouched
    });
    expect(plan.dependencies.remove).toEqual(["d2"]);
    expect(plan.dependencies.update).toEqual([{ id: "d1", isAsync: true, isCritical: true }]);
    expect(plan.teams[0]).toEqual({ name: "Payments", id: "t1", set: { onCall: ["b", "a"] } });
  });
});
