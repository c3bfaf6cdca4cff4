import { describe, expect, it } from "vitest";
import { filterServices, filtersFromParams, filtersToQuery, hasFilters, NO_FILTERS } from "../../lib/catalog/filter-services.ts";
import type { JourneyName, ServiceKindName } from "../../lib/vocabulary/catalog.ts";

const svc = (
  name: string,
  kind: ServiceKindName,
  tier: number,
  team: string,
  journeys: JourneyName[],
  extra: { description?: string; system?: string } = {},
) => ({
  name,
  kind,
  tier,
  journeys,
  team: { id: team.toLowerCase(), name: team },
  description: extra.description ?? "",
  system: extra.system ?? "",
});

const CATALOG = [
  svc("Cart API", "api", 1, "Checkout", ["cart"], { description: "Baskets and totals" }),
  svc("Payment gateway adapter", "payment", 1, "Payments", ["checkout", "payment"], { system: "payments-core" }),
  svc("WMS", "wms", 2, "Fulfillment", ["fulfillment"]),
  svc("3PL / shipping API", "shipping", 2, "Fulfillment", ["fulfillment", "post_purchase"]),
];
const names = (f: Partial<typeof NO_FILTERS>) => filterServices(CATALOG, { ...NO_FILTERS, ...f }).map((s) => s.name);

describe("filterServices", () => {
  it("keeps everything without filters", () => {
    expect(names({})).toHaveLength(4);
  });

  it("searches name, description, system, owner and kind label, every word, any case", () => {
    expect(names({ q: "cart" })).toEqual(["Cart API"]);
    expect(names({ q: "TOTALS" })).toEqual(["Cart API"]);
    expect(names({ q: "payments-core" })).toEqual(["Payment gateway adapter"]);
    expect(names({ q: "fulfillment" })).toEqual(["WMS", "3PL / shipping API"]);
    expect(names({ q: "fulfillment 3pl" })).toEqual(["3PL / shipping API"]);
    expect(names({ q: "  api   checkout " })).toEqual(["Cart API"]);
    expect(names({ q: "nothing-like-this" })).toEqual([]);
  });

  it("filters by team, kind, tier and journey together", () => {
    expect(names({ teamId: "fulfillment" })).toEqual(["WMS", "3PL / shipping API"]);
    expect(names({ tier: "1" })).toEqual(["Cart API", "Payment gateway adapter"]);
    expect(names({ journey: "checkout" })).toEqual(["Payment gateway adapter"]);
    expect(names({ kind: "shipping" })).toEqual(["3PL / shipping API"]);
    expect(names({ teamId: "fulfillment", journey: "post_purchase", tier: "2" })).toEqual(["3PL / shipping API"]);
    expect(names({ teamId: "fulfillment", tier: "1" })).toEqual([]);
  });
});

describe("filters in the URL", () => {
  it("round-trip, leaving out empty ones", () => {
    const f = { ...NO_FILTERS, q: "cart api", tier: "1" };
    expect(filtersToQuery(f)).toBe("?q=cart+api&tier=1");
    expect(filtersFromParams(new URLSearchParams("q=cart+api&tier=1&unrelated=x"))).toEqual(f);
    expect(filtersToQuery(NO_FILTERS)).toBe("");
  });

  it("read Next's searchParams object, taking the first of repeated values", () => {
    expect(filtersFromParams({ journey: ["cart", "checkout"], teamId: "t1" })).toEqual({ ...NO_FILTERS, journey: "cart", teamId: "t1" });
  });

  it("say whether any filter is on", () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, kind: "api" })).toBe(true);
  });
});
