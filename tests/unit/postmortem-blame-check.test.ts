import { describe, expect, it } from "vitest";
import { checkBlame } from "../../lib/postmortems/blame-check.ts";

const rules = (text: string) => checkBlame(text).map((m) => m.rule);

describe("blame-language check", () => {
  it("flags phrases that blame people, with offsets and a blameless suggestion", () => {
    const text = "The outage was Sam's fault. It was human error: he should have known the flag was on.";
    const matches = checkBlame(text);
    expect(matches.map((m) => m.phrase)).toEqual(["Sam's fault", "human error", "should have known"]);
    for (const m of matches) {
      expect(text.slice(m.start, m.end)).toBe(m.phrase);
      expect(m.suggestion.length).toBeGreaterThan(10);
    }
  });

  it("catches the other common forms", () => {
    expect(rules("Operator error during the deploy")).toEqual(["human-error"]);
    expect(rules("It was the fault of Alex Morgan")).toEqual(["fault-of-person"]);
    expect(rules("a careless config push")).toEqual(["careless"]);
    expect(rules("Priya forgot to drain the queue")).toEqual(["failed-to"]);
    expect(rules("They failed to check the dashboard")).toEqual(["failed-to"]);
    expect(rules("The release was broken by Jordan")).toEqual(["caused-by-person"]);
    expect(rules("We shouldn't have tested in production")).toEqual(["should-have"]);
  });

  it("leaves ordinary incident writing alone", () => {
    const blameless = [
      "The fault was in the retry policy of the OMS client.",
      "A fault in the payment gateway caused timeouts.",
      "Adyen failed to respond within 4 s; the checkout API failed to fall back.",
      "The deploy was caused by a config change that disabled retries.",
      "It was nobody's fault; the runbook listed the wrong host.",
      "Checkout was to blame for the queue backlog.",
      "Error budget burned at 14:02 UTC; errors fell after the rollback.",
      "Inventory sync lagged, so products showed out of stock.",
    ];
    for (const text of blameless) expect(checkBlame(text), text).toEqual([]);
  });
});
