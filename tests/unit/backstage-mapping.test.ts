import { describe, expect, it } from "vitest";
import { mapBackstage } from "../../lib/catalog/io/backstage.ts";
import { checkDraft, type ExistingNames } from "../../lib/catalog/io/check-draft.ts";
import { parseEntityRef } from "../../lib/catalog/io/entity-ref.ts";
import { parseSource } from "../../lib/catalog/io/source.ts";

const EMPTY: ExistingNames = { teams: [], services: [], userEmails: [] };

function map(yaml: string) {
  const source = parseSource(yaml);
  expect(source.errors).toEqual([]);
  return mapBackstage(source.docs);
}

function check(yaml: string, existing: ExistingNames = EMPTY) {
  return checkDraft(map(yaml), existing);
}

/** The valid catalog, or a failure that prints every issue. */
function valid(yaml: string, existing: ExistingNames = EMPTY) {
  const result = check(yaml, existing);
  if (!result.ok) throw new Error(`expected a valid file, got: ${JSON.stringify(result.issues, null, 2)}`);
  return result;
}

const service = (result: ReturnType<typeof valid>, name: string) => result.catalog.services.find((s) => s.name === name);

const GROUP = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
  description: Card payments and refunds
  annotations:
    warroom.io/chat-channel: "#team-payments"
    warroom.io/on-call: pager:payments, +49 30 1234
spec:
  type: team
  profile:
    displayName: Payments
  members: [user:default/ana, bob@shop.example, carl]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ana
spec:
  profile:
    email: ana@shop.example
`;

describe("entity references", () => {
  it("fills in the kind the field expects and the referring entity's namespace", () => {
    expect(parseEntityRef("group:default/payments", { kind: "group", namespace: "default" })).toEqual({
      kind: "group",
      namespace: "default",
      name: "payments",
    });
    expect(parseEntityRef("payments", { kind: "group", namespace: "retail" })).toEqual({
      kind: "group",
      namespace: "retail",
      name: "payments",
    });
    expect(parseEntityRef("Group:payments", { kind: "user", namespace: "default" })).toEqual({
      kind: "group",
      namespace: "default",
      name: "payments",
    });
    expect(parseEntityRef("ops/payments", { kind: "group", namespace: "default" })).toEqual({
      kind: "group",
      namespace: "ops",
      name: "payments",
    });
    expect(parseEntityRef("cart", { namespace: "default" })).toBeNull();
    expect(parseEntityRef(42, { kind: "group", namespace: "default" })).toBeNull();
    expect(parseEntityRef("a/b/c", { kind: "group", namespace: "default" })).toBeNull();
  });
});

describe("Group → team", () => {
  it("takes the display name, description, Warroom annotations and members with an email", () => {
    const result = valid(GROUP, { ...EMPTY, userEmails: ["ana@shop.example", "Bob@shop.example"] });
    expect(result.catalog.teams).toEqual([
      {
        name: "Payments",
        description: "Card payments and refunds",
        chatChannel: "#team-payments",
        onCall: ["pager:payments", "+49 30 1234"],
        members: ["ana@shop.example", "Bob@shop.example"],
      },
    ]);
    // carl has no User entity with an email: skipped, and said so, with the line of the entry.
    expect(result.warnings).toEqual([
      expect.objectContaining({
        kind: "Group",
        name: "payments",
        line: 13,
        field: "documents.0.spec.members.2",
        message: expect.stringContaining("user:default/carl has no email"),
      }),
    ]);
  });

  it("skips members who are not users of the organisation, with a warning", () => {
    const result = valid(GROUP, { ...EMPTY, userEmails: ["ana@shop.example"] });
    expect(result.catalog.teams[0]?.members).toEqual(["ana@shop.example"]);
    expect(result.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining("bob@shop.example is not a user"));
  });
});

const RETAIL = `${GROUP}---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: checkout-team
spec:
  type: team
  profile: { displayName: Checkout }
---
apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: checkout
  title: Checkout
spec:
  owner: checkout-team
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout-api
  title: Checkout API
  description: Order placement
  annotations:
    warroom.io/tier: "1"
    warroom.io/journeys: checkout, product page
  links:
    - url: https://wiki.shop.example/runbooks/checkout
      title: Runbook
spec:
  type: service
  lifecycle: production
  system: checkout
  dependsOn: [component:psp-adapter, resource:default/orders-db]
  consumesApis: [payments]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: psp-adapter
  title: Payment gateway adapter
spec:
  type: payment
  owner: group:default/payments
  lifecycle: production
  providesApis: [api:default/payments]
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments
  title: Payments API
spec:
  type: openapi
  owner: payments
  lifecycle: experimental
  definition: "openapi: 3.0.0"
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: orders-db
spec:
  type: database
  owner: checkout-team
`;

describe("Component, API and System → services", () => {
  it("maps owners with and without kind and namespace, and takes a System's owner as the default", () => {
    const result = valid(RETAIL);
    expect(service(result, "Payment gateway adapter")?.owner).toBe("Payments"); // group:default/payments
    expect(service(result, "Payments API")?.owner).toBe("Payments"); // payments
    expect(service(result, "Checkout API")?.owner).toBe("Checkout"); // no spec.owner: the System's
    expect(service(result, "Checkout API")?.system).toBe("Checkout");
  });

  it("maps dependsOn, consumesApis and providesApis to dependencies", () => {
    const result = valid(RETAIL);
    expect(service(result, "Checkout API")?.dependsOn).toEqual([
      { service: "Payment gateway adapter", async: false, critical: true },
      { service: "Payments API", async: false, critical: true },
    ]);
    // psp-adapter provides the payments API: the API depends on the component behind it.
    expect(service(result, "Payments API")?.dependsOn).toEqual([{ service: "Payment gateway adapter", async: false, critical: true }]);
    expect(service(result, "Payment gateway adapter")?.dependsOn).toEqual([]);
  });

  it("reads kind, tier, journeys and runbook from spec.type, annotations, lifecycle and links", () => {
    const result = valid(RETAIL);
    expect(service(result, "Checkout API")).toMatchObject({
      kind: "api",
      tier: 1,
      journeys: ["checkout", "product_page"],
      description: "Order placement",
      runbookUrl: "https://wiki.shop.example/runbooks/checkout",
    });
    expect(service(result, "Payment gateway adapter")).toMatchObject({ kind: "payment" });
    // No metadata.description or tier annotation: left as Warroom has them, never blanked.
    expect(service(result, "Payment gateway adapter")?.description).toBeUndefined();
    expect(service(result, "Payment gateway adapter")?.tier).toBeUndefined(); // left as it is
    expect(service(result, "Payments API")).toMatchObject({ kind: "api", tier: 3 }); // experimental
  });

  it("skips other kinds and references to them, with a warning naming the line", () => {
    const result = valid(RETAIL);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ kind: "Resource", name: "orders-db", message: expect.stringContaining("kind Resource is not imported") }),
    );
    const skippedRef = result.warnings.find((w) => w.message.includes("resource:default/orders-db"));
    expect(skippedRef).toMatchObject({ kind: "Component", name: "checkout-api", field: "documents.4.spec.dependsOn.1" });
    expect(result.catalog.services.map((s) => s.name).sort()).toEqual(["Checkout API", "Payment gateway adapter", "Payments API"]);
  });

  it("resolves references the file does not define against the catalog, ignoring case and punctuation", () => {
    const yaml = `kind: Component
metadata: { name: returns-api }
spec: { type: returns, owner: search-feeds, dependsOn: [component:oms, component:default/payment-gateway-adapter] }
`;
    const result = valid(yaml, { teams: ["Search & Feeds"], services: ["OMS", "Payment gateway adapter"], userEmails: [] });
    expect(result.catalog.services[0]).toMatchObject({
      owner: "Search & Feeds",
      dependsOn: [{ service: "OMS" }, { service: "Payment gateway adapter" }],
    });
    // Two catalog names that fold to the same key are ambiguous: no guess.
    expect(
      check(yaml, { teams: ["Search & Feeds", "search-feeds!"], services: ["OMS", "Payment gateway adapter"], userEmails: [] }).ok,
    ).toBe(false);
  });

  it("marks dependencies asynchronous or not critical when the annotations list them", () => {
    const yaml = `kind: Component
metadata:
  name: oms
  annotations:
    warroom.io/async-dependencies: wms, api:crm-events, component:ghost
    warroom.io/non-critical-dependencies: api:crm-events
spec:
  owner: fulfillment
  dependsOn: [component:wms, component:payments]
  consumesApis: [crm-events]
`;
    const result = valid(yaml, { teams: ["Fulfillment"], services: ["wms", "payments", "crm-events"], userEmails: [] });
    expect(result.catalog.services[0]?.dependsOn).toEqual([
      { service: "wms", async: true, critical: true },
      { service: "payments", async: false, critical: true },
      { service: "crm-events", async: true, critical: false },
    ]);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 5,
        message: "warroom.io/async-dependencies names component:ghost, which is not one of its dependencies; ignored",
      }),
    ]);
  });

  it("names an API after a component of the same name with a suffix, instead of clashing", () => {
    const yaml = `kind: Component
metadata: { name: cart }
spec: { owner: payments, providesApis: [cart] }
---
kind: API
metadata: { name: cart }
spec: { owner: payments }
`;
    const result = valid(yaml, { ...EMPTY, teams: ["payments"] });
    expect(result.catalog.services.map((s) => s.name)).toEqual(["cart", "cart (API)"]);
    expect(service(result, "cart (API)")?.dependsOn).toEqual([{ service: "cart", async: false, critical: true }]);
  });
});

describe("a bad Backstage file", () => {
  const BAD = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: payments
spec:
  type: team
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
spec:
  owner: group:default/nobody
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
spec:
  owner: payments
  dependsOn:
    - component:default/checkout
    - component:default/ghost
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: cart
spec:
  owner: user:default/ana
---
kind: Component
spec:
  owner: payments
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: search
  annotations:
    warroom.io/tier: "5"
    warroom.io/runbook-url: not a url
spec:
  owner: payments
`;

  it("reports every bad entity with its kind, name and the line of the problem", () => {
    const result = check(BAD);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const brief = result.issues.map((i) => [i.line, i.kind, i.name, i.message]);
    expect(brief).toEqual([
      [13, "Component", "cart", "owner group:default/nobody is not a team in the file or in the catalog"],
      [22, "Component", "checkout", "a service cannot depend on itself"],
      [23, "Component", "checkout", "dependsOn component:default/ghost is not a service in the file or in the catalog"],
      [28, "Component", "cart", "duplicate entity component:default/cart (first on line 8)"],
      [32, "Component", "", "not a Backstage entity: kind and metadata.name are required"],
      [41, "Component", "search", "tier must be 1, 2 or 3"],
      [42, "Component", "search", "runbookUrl must be an http(s) URL"],
    ]);
  });

  it("says why a User cannot own a service", () => {
    const yaml = `kind: Component
metadata: { name: cart }
spec: { owner: "user:default/ana" }
`;
    const result = check(yaml);
    expect(result.ok ? [] : result.issues.map((i) => [i.line, i.field, i.message])).toEqual([
      [3, "documents.0.spec.owner", "spec.owner user:default/ana is not a Group; Warroom services are owned by teams"],
    ]);
  });

  it("reports two entities that map to the same name", () => {
    const yaml = `kind: Component
metadata: { name: cart-v1, title: Cart }
spec: { owner: payments }
---
kind: Component
metadata: { name: cart-v2, title: Cart }
spec: { owner: payments }
`;
    const result = check(yaml, { ...EMPTY, teams: ["payments"] });
    expect(result.ok ? [] : result.issues.map((i) => [i.line, i.name, i.message])).toEqual([
      [6, "cart-v2", 'duplicate service name "Cart" (first on line 1)'],
    ]);
  });
});
