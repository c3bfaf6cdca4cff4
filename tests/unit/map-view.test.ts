import { describe, expect, it } from "vitest";
import { applyHealth, mergeFetched } from "../../components/catalog/map/graph-health.ts";
import { layoutGraph } from "../../components/catalog/map/map-layout.ts";
import { teamColors } from "../../components/catalog/map/map-style.ts";
import { computeMapView, edgeKey, incidentOverlay } from "../../components/catalog/map/map-view.ts";
import type { CatalogGraphDto, GraphServiceDto } from "../../lib/catalog/get-catalog-graph.ts";

const size = { nodeWidth: 200, nodeHeight: 60 };

function service(id: string, team: string, journeys: GraphServiceDto["journeys"] = []): GraphServiceDto {
  return {
    id,
    name: id.replace(/-/g, " "),
    kind: "api",
    tier: 1,
    team: { id: team, name: team },
    journeys,
    description: "",
    health: "ok",
    healthMessage: "",
    healthCheckedAt: null,
    isPolled: false,
    runbookUrl: null,
    openIncidents: [],
  };
}

const graph: CatalogGraphDto = {
  teams: [
    { id: "web", name: "web", chatChannel: null, onCall: [], escalationContact: "" },
    { id: "pay", name: "pay", chatChannel: null, onCall: [], escalationContact: "" },
  ],
  services: [
    service("storefront", "web", ["browse"]),
    service("checkout-api", "web", ["checkout"]),
    service("payment-gateway", "pay", ["checkout", "payment"]),
  ],
  dependencies: [
    { from: "storefront", to: "checkout-api", async: false, critical: true },
    { from: "checkout-api", to: "payment-gateway", async: false, critical: true },
  ],
};

describe("map layout", () => {
  it("puts consumers left of what they call, without overlaps", () => {
    const p = layoutGraph(["storefront", "checkout-api", "payment-gateway", "lonely"], graph.dependencies, size);
    const x = (id: string) => p.get(id)?.x ?? NaN;
    expect(x("storefront")).toBeLessThan(x("checkout-api"));
    expect(x("checkout-api")).toBeLessThan(x("payment-gateway"));
    const boxes = [...p.values()];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlaps = Math.abs(a.x - b.x) < size.nodeWidth && Math.abs(a.y - b.y) < size.nodeHeight;
        expect(overlaps).toBe(false);
      }
    }
  });

  it("lays out cycles and self-loops, and ignores edges to services not shown", () => {
    const p = layoutGraph(
      ["a", "b"],
      [
        { from: "a", to: "b" },
        { from: "b", to: "a" },
        { from: "a", to: "a" },
        { from: "a", to: "hidden" },
      ],
      size,
    );
    expect([...p.keys()].sort()).toEqual(["a", "b"]);
    expect(p.get("a")).not.toEqual(p.get("b"));
  });

  it("is stable whatever order the ids come in", () => {
    const ids = ["storefront", "checkout-api", "payment-gateway"];
    expect(layoutGraph(ids, graph.dependencies, size)).toEqual(layoutGraph([...ids].reverse(), graph.dependencies, size));
  });

  it("packs services with no visible dependency into a grid rather than one tall column", () => {
    const ids = Array.from({ length: 14 }, (_, i) => `lonely-${i}`);
    const p = layoutGraph(["storefront", "checkout-api", ...ids], [{ from: "storefront", to: "checkout-api" }], size);
    const columns = new Set(ids.map((id) => p.get(id)?.x));
    const rows = new Set(ids.map((id) => p.get(id)?.y));
    expect(columns.size).toBeGreaterThan(2);
    expect(rows.size).toBeLessThan(ids.length);
    // Below the connected part, never on top of it.
    const connectedBottom = Math.max(p.get("storefront")?.y ?? 0, p.get("checkout-api")?.y ?? 0) + size.nodeHeight;
    for (const id of ids) expect(p.get(id)?.y ?? 0).toBeGreaterThan(connectedBottom);
  });

  it("lays out a 150-service catalog with every card placed", () => {
    const ids = Array.from({ length: 150 }, (_, i) => `s${i}`);
    const edges = ids.slice(1).map((id, i) => ({ from: `s${Math.floor(i / 3)}`, to: id }));
    const p = layoutGraph(ids, edges, size);
    expect(p.size).toBe(150);
    expect(new Set([...p.values()].map((v) => `${v.x},${v.y}`)).size).toBe(150);
  });
});

describe("what the map shows", () => {
  const none = { teamId: null, journey: null, query: "" };

  it("filters by team and by journey", () => {
    expect([...computeMapView(graph, { ...none, teamId: "pay" }, null).visibleIds]).toEqual(["payment-gateway"]);
    expect([...computeMapView(graph, { ...none, journey: "checkout" }, null).visibleIds]).toEqual(["checkout-api", "payment-gateway"]);
  });

  it("matches a search on service or team name, any case, among visible services", () => {
    expect(computeMapView(graph, { ...none, query: " PAYMENT " }, null).matches).toEqual(["payment-gateway"]);
    expect(computeMapView(graph, { ...none, query: "web" }, null).matches).toEqual(["storefront", "checkout-api"]);
    expect(computeMapView(graph, { ...none, teamId: "pay", query: "web" }, null).matches).toEqual([]);
  });

  it("marks an incident's impacted, affected and suspect services and the paths between them", () => {
    const view = computeMapView(graph, none, {
      impacted: ["checkout-api"],
      affected: [{ id: "storefront", depth: 1, path: ["storefront", "checkout-api"] }],
      suspects: ["payment-gateway"],
    });
    expect(view.roles.get("checkout-api")).toEqual({ kind: "impacted" });
    expect(view.roles.get("storefront")).toMatchObject({ kind: "affected", depth: 1 });
    expect(view.roles.get("payment-gateway")).toEqual({ kind: "suspect" });
    expect([...view.pathEdges]).toEqual([edgeKey("storefront", "checkout-api")]);
  });

  it("works out an incident's overlay from the map itself: impacted, who depends on it, what it calls", () => {
    const overlay = incidentOverlay(graph, ["checkout-api"]);
    expect(overlay).toEqual({
      impacted: ["checkout-api"],
      affected: [{ id: "storefront", depth: 1, path: ["storefront", "checkout-api"] }],
      suspects: ["payment-gateway"],
      // Storefront and Checkout API are both the web team's; suspects are not told, they are checked.
      teams: 1,
    });
    expect(incidentOverlay(graph, [])).toMatchObject({ impacted: [], affected: [], suspects: [] });
  });

  it("gives each team a stable colour, whatever order teams arrive in", () => {
    const a = teamColors(graph.teams);
    const b = teamColors([...graph.teams].reverse());
    expect(a).toEqual(b);
    expect(a.get("web")).not.toBe(a.get("pay"));
  });
});

describe("live health on the map", () => {
  const at = (iso: string) => ({
    ...graph,
    services: graph.services.map((s) =>
      s.id === "payment-gateway" ? { ...s, health: "down" as const, healthMessage: "PSP timeouts", healthCheckedAt: iso } : s,
    ),
  });
  const pg = (g: CatalogGraphDto) => g.services.find((s) => s.id === "payment-gateway");

  it("applies a newer reading and ignores an older one", () => {
    const down = at("2026-11-22T10:00:00.000Z");
    const recovered = applyHealth(down, {
      serviceId: "payment-gateway",
      health: "ok",
      healthMessage: "",
      healthCheckedAt: "2026-11-22T10:01:00.000Z",
    });
    expect(pg(recovered)?.health).toBe("ok");
    const stale = applyHealth(down, {
      serviceId: "payment-gateway",
      health: "ok",
      healthMessage: "",
      healthCheckedAt: "2026-11-22T09:59:00.000Z",
    });
    expect(stale).toBe(down);
    expect(applyHealth(down, { serviceId: "unknown-service", health: "ok", healthMessage: "", healthCheckedAt: null })).toBe(down);
  });

  it("keeps a pushed reading when a refetch that started earlier answers later", () => {
    const pushed = at("2026-11-22T10:00:00.000Z");
    const fetchedBefore = graph; // read before the push: no reading at all
    expect(pg(mergeFetched(pushed, fetchedBefore))).toMatchObject({ health: "down", healthMessage: "PSP timeouts" });
    const fetchedAfter = at("2026-11-22T10:05:00.000Z");
    expect(pg(mergeFetched(pushed, fetchedAfter))?.healthCheckedAt).toBe("2026-11-22T10:05:00.000Z");
  });
});
