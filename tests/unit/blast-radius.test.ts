import { describe, expect, it } from "vitest";
import {
  blastRadius,
  buildGraphIndex,
  computeBlastRadius,
  type BlastDependency,
  type BlastService,
  type ServiceGraph,
} from "../../lib/catalog/blast-radius.ts";

const svc = (id: string, teamId = "team-a", journeys: string[] = []): BlastService => ({ id, name: id, teamId, journeys });
const dep = (fromId: string, toId: string, opts: Partial<BlastDependency> = {}): BlastDependency => ({
  fromId,
  toId,
  isAsync: false,
  isCritical: false,
  ...opts,
});
const graph = (services: BlastService[], dependencies: BlastDependency[]): ServiceGraph => ({ services, dependencies });
const byId = (result: ReturnType<typeof computeBlastRadius>) => new Map(result.affected.map((a) => [a.serviceId, a]));

// A small shop: ids read like the catalog names so failures are easy to read.
const shop = graph(
  [
    svc("storefront", "web", ["browse", "checkout"]),
    svc("mobile-bff", "mobile", ["checkout", "app-login"]),
    svc("checkout-api", "checkout", ["checkout"]),
    svc("oms", "fulfilment", ["order-tracking"]),
    svc("returns-api", "fulfilment", ["returns"]),
    svc("email-worker", "comms", ["order-emails"]),
    svc("payment-gateway-adapter", "payments", ["payment"]),
    svc("fraud-check", "payments", []),
    svc("psp-proxy", "platform", []),
    svc("search", "discovery", ["search"]),
  ],
  [
    dep("storefront", "checkout-api", { isCritical: true }),
    dep("storefront", "search"),
    dep("mobile-bff", "checkout-api", { isCritical: true }),
    dep("checkout-api", "payment-gateway-adapter", { isCritical: true }),
    dep("checkout-api", "oms"),
    dep("oms", "payment-gateway-adapter"),
    dep("returns-api", "payment-gateway-adapter"),
    dep("email-worker", "oms", { isAsync: true }),
    dep("payment-gateway-adapter", "psp-proxy", { isCritical: true }),
    dep("payment-gateway-adapter", "fraud-check"),
  ],
);

describe("blast radius in the e-commerce catalog", () => {
  const result = computeBlastRadius(shop, ["payment-gateway-adapter"]);
  const affected = byId(result);

  it("lists every upstream consumer once, with the chain that reaches the failing service", () => {
    expect(result.impacted).toEqual(["payment-gateway-adapter"]);
    expect(result.affected.map((a) => a.serviceId).sort()).toEqual(
      ["checkout-api", "email-worker", "mobile-bff", "oms", "returns-api", "storefront"].sort(),
    );
    expect(affected.get("storefront")).toEqual({
      serviceId: "storefront",
      depth: 2,
      path: ["storefront", "checkout-api", "payment-gateway-adapter"],
      isSyncPath: true,
    });
    expect(affected.get("oms")?.path).toEqual(["oms", "payment-gateway-adapter"]);
    expect(affected.get("returns-api")?.depth).toBe(1);
  });

  it("leaves out what the failing service calls and unrelated services", () => {
    for (const id of ["psp-proxy", "fraud-check", "search", "payment-gateway-adapter"]) expect(affected.has(id)).toBe(false);
  });

  it("orders affected services closest first", () => {
    const depths = result.affected.map((a) => a.depth);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
    expect(result.affected.slice(0, 3).map((a) => a.serviceId)).toEqual(["checkout-api", "oms", "returns-api"]);
  });

  it("flags a chain with an async hop as not synchronous", () => {
    expect(affected.get("email-worker")).toMatchObject({
      depth: 2,
      path: ["email-worker", "oms", "payment-gateway-adapter"],
      isSyncPath: false,
    });
  });

  it("names what the failing service calls as suspects, critical first", () => {
    expect(result.suspects).toEqual([
      { serviceId: "psp-proxy", calledBy: ["payment-gateway-adapter"], isCritical: true },
      { serviceId: "fraud-check", calledBy: ["payment-gateway-adapter"], isCritical: false },
    ]);
  });

  it("unions the journeys of the failing and affected services, failing ones first", () => {
    expect(result.journeys[0]).toBe("payment");
    expect([...result.journeys].sort()).toEqual([
      "app-login",
      "browse",
      "checkout",
      "order-emails",
      "order-tracking",
      "payment",
      "returns",
    ]);
    expect(new Set(result.journeys).size).toBe(result.journeys.length);
  });

  it("lists owning teams first, then teams by distance, each with its reasons", () => {
    expect(result.teams.map((t) => t.teamId)).toEqual(["payments", "checkout", "fulfilment", "comms", "mobile", "web"]);
    expect(result.teams[0]).toEqual({ teamId: "payments", owns: ["payment-gateway-adapter"], affectedVia: [], depth: 0 });
    expect(result.teams.find((t) => t.teamId === "fulfilment")).toEqual({
      teamId: "fulfilment",
      owns: [],
      affectedVia: [
        { serviceId: "oms", path: ["oms", "payment-gateway-adapter"] },
        { serviceId: "returns-api", path: ["returns-api", "payment-gateway-adapter"] },
      ],
      depth: 1,
    });
    expect(result.teams.map((t) => t.teamId)).not.toContain("platform");
  });
});

describe("blast radius graph shapes", () => {
  it("follows a long chain with growing depth", () => {
    const g = graph([svc("a"), svc("b"), svc("c"), svc("d")], [dep("a", "b"), dep("b", "c"), dep("c", "d")]);
    const result = computeBlastRadius(g, ["d"]);
    expect(result.affected.map((a) => [a.serviceId, a.depth])).toEqual([
      ["c", 1],
      ["b", 2],
      ["a", 3],
    ]);
    expect(byId(result).get("a")?.path).toEqual(["a", "b", "c", "d"]);
  });

  it("reports a diamond's top once, through a shortest path", () => {
    // top → left → bottom, top → right → mid → bottom, top → bottom is absent: shortest is via left.
    const g = graph(
      [svc("top"), svc("left"), svc("right"), svc("mid"), svc("bottom")],
      [dep("top", "right"), dep("right", "mid"), dep("mid", "bottom"), dep("top", "left"), dep("left", "bottom")],
    );
    const result = computeBlastRadius(g, ["bottom"]);
    expect(result.affected.filter((a) => a.serviceId === "top")).toHaveLength(1);
    expect(byId(result).get("top")).toMatchObject({ depth: 2, path: ["top", "left", "bottom"] });
  });

  it("prefers a synchronous chain among equally short ones", () => {
    const g = graph(
      [svc("top"), svc("queue-side"), svc("sync-side"), svc("bottom")],
      [dep("top", "queue-side"), dep("queue-side", "bottom", { isAsync: true }), dep("top", "sync-side"), dep("sync-side", "bottom")],
    );
    expect(byId(computeBlastRadius(g, ["bottom"])).get("top")).toMatchObject({ path: ["top", "sync-side", "bottom"], isSyncPath: true });
  });

  it("marks a chain async when its first hop from the consumer is async", () => {
    const g = graph([svc("a"), svc("b"), svc("c")], [dep("a", "b", { isAsync: true }), dep("b", "c")]);
    const affected = byId(computeBlastRadius(g, ["c"]));
    expect(affected.get("b")?.isSyncPath).toBe(true);
    expect(affected.get("a")?.isSyncPath).toBe(false);
  });

  it("terminates on a cycle and never lists the failing service as affected", () => {
    const g = graph([svc("a"), svc("b"), svc("c")], [dep("a", "b"), dep("b", "c"), dep("c", "a")]);
    const result = computeBlastRadius(g, ["c"]);
    expect(result.affected.map((a) => [a.serviceId, a.depth])).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
    expect(byId(result).get("a")?.path).toEqual(["a", "b", "c"]);
    // c calls a, so a is also a suspect even though it is caught in the radius.
    expect(result.suspects.map((s) => s.serviceId)).toEqual(["a"]);
  });

  it("ignores a service depending on itself", () => {
    const g = graph([svc("a"), svc("b")], [dep("a", "a"), dep("b", "a")]);
    const result = computeBlastRadius(g, ["a"]);
    expect(result.affected.map((a) => a.serviceId)).toEqual(["b"]);
    expect(result.suspects).toEqual([]);
  });

  it("leaves a disconnected part of the catalog untouched", () => {
    const g = graph([svc("a"), svc("b"), svc("x"), svc("y")], [dep("a", "b"), dep("x", "y")]);
    const result = computeBlastRadius(g, ["b"]);
    expect(result.affected.map((a) => a.serviceId)).toEqual(["a"]);
  });

  it("measures depth from the nearest of several failing services", () => {
    const g = graph([svc("top"), svc("mid"), svc("low"), svc("other")], [dep("top", "mid"), dep("mid", "low"), dep("other", "low")]);
    const result = computeBlastRadius(g, ["low", "mid"]);
    expect(result.impacted).toEqual(["low", "mid"]);
    expect(result.affected.map((a) => a.serviceId).sort()).toEqual(["other", "top"]);
    expect(byId(result).get("top")).toMatchObject({ depth: 1, path: ["top", "mid"] });
    // mid calls low, but low is already failing: not a suspect.
    expect(result.suspects).toEqual([]);
  });

  it("merges a suspect shared by several failing services", () => {
    const g = graph([svc("a"), svc("b"), svc("db"), svc("cache")], [dep("a", "db"), dep("b", "db"), dep("b", "cache")]);
    expect(computeBlastRadius(g, ["a", "b"]).suspects).toEqual([
      { serviceId: "db", calledBy: ["a", "b"], isCritical: false },
      { serviceId: "cache", calledBy: ["b"], isCritical: false },
    ]);
  });

  it("ignores unknown and repeated impacted ids", () => {
    const g = graph([svc("a"), svc("b")], [dep("a", "b"), dep("a", "ghost"), dep("ghost", "b")]);
    const result = computeBlastRadius(g, ["nope", "b", "b"]);
    expect(result.impacted).toEqual(["b"]);
    expect(result.affected.map((a) => a.serviceId)).toEqual(["a"]);
    expect(computeBlastRadius(g, ["nope"])).toEqual({ impacted: [], affected: [], suspects: [], journeys: [], teams: [] });
  });

  it("reuses one index across questions without leaking state", () => {
    const index = buildGraphIndex(shop);
    const first = blastRadius(index, ["oms"]);
    const second = blastRadius(index, ["search"]);
    expect(first.affected.map((a) => a.serviceId).sort()).toEqual(["checkout-api", "email-worker", "mobile-bff", "storefront"]);
    expect(second.affected.map((a) => a.serviceId)).toEqual(["storefront"]);
    expect(blastRadius(index, ["oms"])).toEqual(first);
  });
});
