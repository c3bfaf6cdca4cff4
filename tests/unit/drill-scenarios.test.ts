import { describe, expect, it } from "vitest";
import { checkScenarioCatalog } from "../../lib/drills/check-catalog.ts";
import { drillAlertPayload } from "../../lib/drills/drill-alert-payload.ts";
import { formatDuration, parseDuration } from "../../lib/drills/duration.ts";
import { parseWebhook } from "../../lib/integrations/parse-webhook.ts";
import { durationAtSpeed, parseScenario } from "../../lib/drills/parse-scenario.ts";
import { formatProblem, type ScenarioProblem } from "../../lib/drills/scenario-types.ts";
import { SHIPPED_SCENARIO_YAML } from "../../lib/drills/scenarios/index.ts";
import { shippedScenarios } from "../../lib/drills/shipped-scenarios.ts";
import { DEMO_SERVICES, DEMO_TEAMS } from "../../lib/seed/demo-catalog.ts";

const demoCatalog = {
  services: DEMO_SERVICES.map((s, i) => ({ id: `svc-${i}`, name: s.name, aliases: s.aliases ?? [] })),
  teams: DEMO_TEAMS.map((t, i) => ({ id: `team-${i}`, name: t.name })),
};

function problems(yaml: string): ScenarioProblem[] {
  const parsed = parseScenario(yaml);
  if (parsed.ok) throw new Error("expected the scenario to be refused");
  return parsed.problems;
}

const HEADER = `key: custom-drill
name: A custom drill
summary: Something breaks.
failing_service: Payment gateway adapter
steps:
`;

describe("scenario format", () => {
  it("reads durations in s, m, h and refuses anything else", () => {
    expect(parseDuration("0m")).toBe(0);
    expect(parseDuration("90s")).toBe(90);
    expect(parseDuration("1h30m")).toBe(5400);
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration("2 minutes")).toBeNull();
    expect(parseDuration("-2m")).toBeNull();
    expect(parseDuration("")).toBeNull();
    expect(formatDuration(144)).toBe("2m 24s");
    expect(formatDuration(3900)).toBe("1h 5m");
  });

  it("parses a valid scenario with each step's offset, type and line", () => {
    const parsed = parseScenario(`${HEADER}  - at: 0m
    alert: { service: Payment gateway adapter, title: "Timeouts" }
  - at: 90s
    survey: { journey: checkout, text: "Card declined", count: 3 }
  - at: 2m
    stakeholder: { from: CFO, message: "Numbers?" }
`);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("; "));
    expect(parsed.scenario.steps.map((s) => [s.type, s.atSeconds, s.line])).toEqual([
      ["alert", 0, 6],
      ["survey", 90, 8],
      ["stakeholder", 120, 10],
    ]);
    const first = parsed.scenario.steps[0];
    expect(first?.type === "alert" && first.alert).toMatchObject({
      source: "alertmanager",
      status: "firing",
      severity: "critical",
      key: "Timeouts",
    });
    expect(parsed.scenario.durationSeconds).toBe(120);
    expect(durationAtSpeed(parsed.scenario, 5)).toBe("24s");
  });

  it("names the line and the step of a time going backwards", () => {
    const found = problems(`${HEADER}  - at: 0m
    alert: { service: OMS, title: "A" }
  - at: 5m
    alert: { service: OMS, title: "B" }
  - at: 7m
    alert: { service: OMS, title: "C" }
  - at: 2m
    health: { service: OMS, status: down }
`);
    expect(found.map(formatProblem)).toEqual(["line 12: steps[3].at: 2m goes back before 7m"]);
  });

  it("names the line of an unknown event type, a bad duration and a missing field", () => {
    const found = problems(`${HEADER}  - at: 0m
    tweet: { text: "we are down" }
  - at: soon
    alert: { service: OMS, title: "A" }
  - at: 3m
    health: { service: OMS }
`);
    expect(found.map(formatProblem)).toEqual([
      "line 7: steps[0].tweet: unknown event type 'tweet' (one of alert, health, survey, stakeholder)",
      "line 8: steps[1].at: bad duration 'soon': use s, m or h, e.g. 90s, 2m, 1h30m",
      'line 11: steps[2].health.status: status must be "ok", "degraded" or "down"',
    ]);
  });

  it("names the line of a YAML syntax error and of an unknown field", () => {
    expect(problems(`${HEADER}  - at: 0m\n    alert: { service: OMS, title: "A"\n`)[0]?.line).toBeGreaterThanOrEqual(7);
    expect(problems(`${HEADER}  - at: 0m\n    alert: { service: OMS, title: "A", colour: red }\n`).map(formatProblem)).toEqual([
      "line 7: steps[0].alert.colour: unknown field 'colour'",
    ]);
    expect(problems(`key: x y\nname: N\nsummary: S\nfailing_service: OMS\nsteps: []\n`).map((p) => p.line)).toEqual([1, 5]);
  });

  it("refuses unknown services and teams at their line, any case and spacing being fine", () => {
    const parsed = parseScenario(
      `${HEADER.replace("Payment gateway adapter", "  payment GATEWAY adapter ")}teams: [Payments, Paymnts]
  - at: 0m
    alert: { service: Paymnt Gateway, title: "A" }
`.replace("steps:\nteams: [Payments, Paymnts]\n", "teams: [Payments, Paymnts]\nsteps:\n"),
    );
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("; "));
    expect(checkScenarioCatalog(parsed.scenario, demoCatalog).map(formatProblem)).toEqual([
      "line 5: teams[1]: unknown team 'Paymnts'",
      "line 8: steps[0].alert.service: unknown service 'Paymnt Gateway'",
    ]);
  });

  it("ships the four scenarios the issue names, each valid against the demo catalog with 5–10 steps", () => {
    expect(SHIPPED_SCENARIO_YAML).toHaveLength(4);
    for (const yaml of SHIPPED_SCENARIO_YAML) {
      const parsed = parseScenario(yaml);
      if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("; "));
      expect(checkScenarioCatalog(parsed.scenario, demoCatalog)).toEqual([]);
      expect(parsed.scenario.steps.length).toBeGreaterThanOrEqual(5);
      expect(parsed.scenario.steps.length).toBeLessThanOrEqual(10);
    }
    expect(shippedScenarios().map((s) => s.scenario.key)).toEqual([
      "payment-gateway-timeouts",
      "inventory-sync-lag",
      "product-feeds-behind",
      "returns-api-breaks-order-sync",
    ]);
  });

  it("builds each step's alert as its vendor sends it, so the real parser reads it", () => {
    const drillId = "5b0f7a52-1f7e-4a55-9d0b-0c0ffee00001";
    const now = new Date("2026-11-27T20:05:00.000Z");
    const alert = {
      source: "alertmanager" as const,
      service: "Payment gateway adapter",
      severity: "critical",
      status: "firing" as const,
      title: "PaymentGatewayTimeouts: p99 > 8s",
      description: "p99 8.4s",
      key: "gw",
    };
    const [firing] = parseWebhook("alertmanager", drillAlertPayload(alert, drillId, now)).alerts;
    expect(firing).toMatchObject({
      status: "firing",
      title: "PaymentGatewayTimeouts: p99 > 8s",
      description: "p99 8.4s",
      startedAt: now.toISOString(),
      labels: { alertname: "PaymentGatewayTimeouts", service: "Payment gateway adapter", severity: "critical", drill: drillId },
    });
    const [resolved] = parseWebhook("alertmanager", drillAlertPayload({ ...alert, status: "resolved" }, drillId, now)).alerts;
    // The same key is the same alert (Alertmanager's fingerprint): resolving it resolves the firing one.
    expect(resolved?.dedupKey).toBe(firing?.dedupKey);
    expect(resolved?.status).toBe("resolved");
    const [generic] = parseWebhook("generic", drillAlertPayload({ ...alert, source: "generic" }, drillId, now)).alerts;
    expect(generic).toMatchObject({ dedupKey: "gw", serviceHint: "Payment gateway adapter", severityHint: "critical" });
  });
});
