import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error.ts";
import { parseWebhook } from "../../lib/integrations/parse-webhook.ts";
import type { AlertKindName } from "../../lib/integrations/kinds.ts";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures/webhooks", name), "utf8");
const parse = (kind: AlertKindName, name: string) => parseWebhook(kind, fixture(name));

/** The field a rejected payload is reported under (the 422's details.fields). */
function rejectedField(kind: AlertKindName, raw: string): string {
  try {
    parseWebhook(kind, raw);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.status).toBe(422);
    return (err.details as { fields: { field: string }[] }).fields[0]?.field ?? "";
  }
  throw new Error("payload was accepted");
}

describe("Alertmanager (webhook_config, version 4)", () => {
  it("reads one alert per entry, keyed by fingerprint, with labels and annotations", () => {
    const { alerts, deliveryId } = parse("alertmanager", "alertmanager-firing.json");
    expect(deliveryId).toBeNull();
    expect(alerts).toHaveLength(2);
    expect(alerts[0]).toMatchObject({
      dedupKey: "a1b2c3d4e5f60718",
      status: "firing",
      title: "Checkout API 5xx rate above 5%",
      description: "5xx rate is 7.2% on checkout-api-7d9f8-abcde over the last 5 minutes.",
      severityHint: "critical",
      startedAt: "2025-11-27T14:02:11.357Z",
      endedAt: null,
    });
    expect(alerts[0]?.labels).toMatchObject({ service: "checkout-api", instance: "checkout-api-7d9f8-abcde:8080" });
    expect(alerts[0]?.sourceUrl).toMatch(/^http:\/\/prometheus/);
    expect(alerts[1]?.dedupKey).toBe("b2c3d4e5f6071829");
  });

  it("reads a resolved alert with its end time (the zero time of firing alerts is no time)", () => {
    const [alert] = parse("alertmanager", "alertmanager-resolved.json").alerts;
    expect(alert).toMatchObject({ dedupKey: "a1b2c3d4e5f60718", status: "resolved", endedAt: "2025-11-27T14:31:11.357Z" });
  });

  it("grouped: the notification group is one alert keyed by groupKey, firing while any alert fires", () => {
    const [group] = parseWebhook("alertmanager", fixture("alertmanager-firing.json"), { groupAlerts: true }).alerts;
    expect(group).toMatchObject({
      dedupKey: '{}/{severity="critical"}:{alertname="CheckoutHighErrorRate"}',
      status: "firing",
      title: "Checkout API 5xx rate above 5% (2 firing)",
      severityHint: "critical",
      startedAt: "2025-11-27T14:02:11.357Z",
    });
    expect(group?.labels.service).toBe("checkout-api");
    expect(group?.description.split("\n")).toEqual([
      "• Checkout API 5xx rate above 5% (checkout-api-7d9f8-abcde:8080)",
      "• Checkout API 5xx rate above 5% (checkout-api-7d9f8-fghij:8080)",
    ]);
    const [resolved] = parseWebhook("alertmanager", fixture("alertmanager-resolved.json"), { groupAlerts: true }).alerts;
    expect(resolved).toMatchObject({ dedupKey: group?.dedupKey, status: "resolved", endedAt: "2025-11-27T14:31:11.357Z" });
  });

  it("names the field of a malformed payload", () => {
    expect(rejectedField("alertmanager", "{")).toBe("(body)");
    expect(rejectedField("alertmanager", "[]")).toBe("(body)");
    expect(rejectedField("alertmanager", JSON.stringify({ version: "4" }))).toBe("alerts");
    expect(rejectedField("alertmanager", JSON.stringify({ alerts: [{ status: "pending", fingerprint: "x" }] }))).toBe("alerts.0.status");
    expect(rejectedField("alertmanager", JSON.stringify({ alerts: [{ status: "firing" }] }))).toBe("alerts.0.fingerprint");
  });
});

describe("Grafana alerting", () => {
  it("reads the Alertmanager-shaped payload and links the panel", () => {
    const [alert] = parse("grafana", "grafana-firing.json").alerts;
    expect(alert).toMatchObject({
      dedupKey: "7c3e5c9d0f1a2b34",
      status: "firing",
      title: "PSP authorisation error rate above 2%",
      severityHint: "critical",
      startedAt: "2025-11-27T13:05:00.000Z",
    });
    expect(alert?.labels.service).toBe("Payment gateway adapter");
    expect(alert?.sourceUrl).toContain("viewPanel=4");
  });
});

describe("PagerDuty webhooks v3", () => {
  it("reads incident.triggered: the event id is the delivery, the incident id the key", () => {
    const { alerts, deliveryId } = parse("pagerduty", "pagerduty-triggered.json");
    expect(deliveryId).toBe("5ac64822-4adc-4fda-ade0-410becf0de4f");
    expect(alerts).toEqual([
      expect.objectContaining({
        dedupKey: "PGR0VU2",
        status: "firing",
        title: "Inventory sync lagging 45 minutes behind",
        serviceHint: "Inventory sync",
        severityHint: "P1",
        startedAt: "2025-11-27T14:03:21.000Z",
        sourceUrl: "https://acme.pagerduty.com/incidents/PGR0VU2",
      }),
    ]);
  });

  it("reads incident.resolved as resolved and ignores acknowledgements", () => {
    expect(parse("pagerduty", "pagerduty-resolved.json").alerts[0]).toMatchObject({
      dedupKey: "PGR0VU2",
      status: "resolved",
      endedAt: "2025-11-27T14:48:02.530Z",
    });
    const ack = parse("pagerduty", "pagerduty-acknowledged.json");
    expect(ack).toEqual({ alerts: [], deliveryId: "01CX4LTB9Q5KQ0JSMTB4G6P2RA", ignored: 1 });
  });

  it("names the missing field", () => {
    expect(rejectedField("pagerduty", JSON.stringify({ messages: [] }))).toBe("event");
    expect(rejectedField("pagerduty", JSON.stringify({ event: { event_type: "incident.triggered" } }))).toBe("event.id");
    expect(
      rejectedField("pagerduty", JSON.stringify({ event: { id: "e1", event_type: "incident.triggered", data: { title: "x" } } })),
    ).toBe("event.data.id");
  });
});

describe("Opsgenie", () => {
  it("reads Create as firing keyed by alias, tags and details as labels", () => {
    const [alert] = parse("opsgenie", "opsgenie-create.json").alerts;
    expect(alert).toMatchObject({
      dedupKey: "oms-order-sync-failing",
      status: "firing",
      title: "Order sync to OMS failing: 240 orders queued",
      serviceHint: "Order management",
      severityHint: "P2",
      startedAt: "2025-11-27T14:03:00.000Z",
    });
    expect(alert?.labels).toMatchObject({ service: "order-management", "tag:prod": "true", region: "eu-west-1", priority: "P2" });
  });

  it("reads Close as resolved (its updatedAt is in nanoseconds) and ignores notes", () => {
    expect(parse("opsgenie", "opsgenie-close.json").alerts[0]).toMatchObject({ status: "resolved", endedAt: "2025-11-27T14:48:00.421Z" });
    const note = JSON.stringify({ action: "AddNote", alert: { alias: "a", message: "m" } });
    expect(parseWebhook("opsgenie", note)).toEqual({ alerts: [], deliveryId: null, ignored: 1 });
  });

  it("names the missing field", () => {
    expect(rejectedField("opsgenie", JSON.stringify({ alert: {} }))).toBe("action");
    expect(rejectedField("opsgenie", JSON.stringify({ action: "Create", alert: { alias: "a" } }))).toBe("alert.message");
  });
});

describe("Datadog (Warroom's payload template)", () => {
  it("reads Triggered keyed by the aggregation key, tags and scope as labels", () => {
    const { alerts, deliveryId } = parse("datadog", "datadog-triggered.json");
    expect(deliveryId).toBe("7591845301246178034");
    expect(alerts[0]).toMatchObject({
      dedupKey: "9bd4ac313a4d1e8fae2482df7b77628",
      status: "firing",
      severityHint: "P2",
      startedAt: "2025-11-27T14:03:00.000Z",
      sourceUrl: "https://app.datadoghq.com/event/event?id=7591845301246178034",
    });
    expect(alerts[0]?.labels).toMatchObject({ service: "search-api", env: "prod", team: "discovery" });
  });

  it("reads Recovered as resolved; an unfilled $VARIABLE counts as empty", () => {
    expect(parse("datadog", "datadog-recovered.json").alerts[0]).toMatchObject({ status: "resolved", endedAt: "2025-11-27T14:25:00.000Z" });
    const raw = JSON.stringify({ transition: "Triggered", aggregate: "$AGGREG_KEY", alert_id: "42", title: "Disk full", scope: "host:a" });
    expect(parseWebhook("datadog", raw).alerts[0]?.dedupKey).toBe("42|host:a");
    expect(rejectedField("datadog", JSON.stringify({ transition: "Triggered", title: "x" }))).toBe("aggregate");
  });
});

describe("Pingdom", () => {
  it("reads DOWN as firing keyed by check id, the check name as the service hint", () => {
    expect(parse("pingdom", "pingdom-down.json").alerts[0]).toMatchObject({
      dedupKey: "12345",
      status: "firing",
      title: "Storefront home page is DOWN: HTTP Error 503",
      description: "HTTP Server Error 503 Service Unavailable",
      serviceHint: "Storefront home page",
      severityHint: "HIGH",
      startedAt: "2025-11-27T14:03:00.000Z",
    });
    expect(parse("pingdom", "pingdom-up.json").alerts[0]).toMatchObject({
      dedupKey: "12345",
      status: "resolved",
      endedAt: "2025-11-27T14:28:00.000Z",
    });
    expect(rejectedField("pingdom", JSON.stringify({ check_id: 1, check_name: "x", current_state: "MAYBE" }))).toBe("current_state");
  });
});

describe("generic JSON", () => {
  it("reads a list with a delivery id, and a single alert on its own", () => {
    const { alerts, deliveryId } = parse("generic", "generic-firing.json");
    expect(deliveryId).toBe("feed-check-2025-11-27T14:00");
    expect(alerts[0]).toMatchObject({
      dedupKey: "product-feed-lag",
      status: "firing",
      serviceHint: "Product feed",
      severityHint: "warning",
      labels: { env: "prod", feed: "google-shopping", service: "Product feed", severity: "warning" },
      startedAt: "2025-11-27T14:00:00.000Z",
    });
    const single = parseWebhook("generic", JSON.stringify({ dedupKey: "k", title: "Cart slow" }));
    expect(single.alerts[0]).toMatchObject({ dedupKey: "k", status: "firing", title: "Cart slow", description: "" });
  });

  it("names every bad field", () => {
    expect(rejectedField("generic", JSON.stringify({ title: "x" }))).toBe("alerts.0.dedupKey");
    expect(rejectedField("generic", JSON.stringify({ alerts: [{ dedupKey: "k", title: "t", status: "open" }] }))).toBe("alerts.0.status");
    expect(rejectedField("generic", JSON.stringify({ alerts: [] }))).toBe("alerts");
    const many = Array.from({ length: 101 }, (_, i) => ({ dedupKey: `k${i}`, title: "t" }));
    expect(rejectedField("generic", JSON.stringify({ deliveryId: "d1", alerts: many }))).toBe("deliveryId");
  });
});

describe("Datadog (its own documented variable names)", () => {
  it("reads alert_transition, aggreg_key, event_title, event_msg, alert_priority and tags; strips the prefix and the %%% markers", () => {
    const { alerts, deliveryId } = parse("datadog", "datadog-standard-variables.json");
    expect(deliveryId).toBe("7603312209417752150");
    expect(alerts[0]).toMatchObject({
      dedupKey: "c1e5e0a7d51f4a2f9b1bd0f6c0e3a9d2",
      status: "firing",
      title: "Payment gateway adapter authorisation errors above 10%",
      severityHint: "P1",
      startedAt: "2025-11-28T19:01:05.000Z",
      sourceUrl: "https://app.datadoghq.com/event/event?id=7603312209417752150",
    });
    expect(alerts[0]?.description).toBe(
      "Authorisation errors are **18%** of PSP requests (threshold 10%).\n\n[Runbook](https://wiki.example/runbooks/psp-errors) @webhook-warroom",
    );
    expect(alerts[0]?.labels).toMatchObject({
      service: "payment-gateway",
      env: "prod",
      team: "payments",
      priority: "P1",
      alert_type: "error",
    });
  });

  it("reads Recovered as resolved, keys by the alert cycle without an aggregation key, and ignores Renotify", () => {
    const body = JSON.parse(fixture("datadog-standard-variables.json")) as Record<string, unknown>;
    const recovered = {
      ...body,
      alert_transition: "Recovered",
      aggreg_key: "$AGGREG_KEY",
      event_title: "[Recovered on {env:prod,service:payment-gateway}] Payment gateway adapter authorisation errors above 10%",
    };
    expect(parseWebhook("datadog", JSON.stringify(recovered)).alerts[0]).toMatchObject({
      dedupKey: "7603311983260541729",
      status: "resolved",
      title: "Payment gateway adapter authorisation errors above 10%",
    });
    expect(parseWebhook("datadog", JSON.stringify({ ...body, alert_transition: "Renotify" }))).toMatchObject({ alerts: [], ignored: 1 });
  });

  it("reads Datadog's default payload (no transition field) from the title's [Triggered on …] prefix", () => {
    const raw = JSON.stringify({
      id: "1",
      title: "[Triggered on {host:web-1}] Host web-1 is down",
      body: "%%%\nNo data\n%%%",
      event_type: "metric_alert_monitor",
      date: "1764356465000",
      alert_id: "9",
    });
    expect(parseWebhook("datadog", raw).alerts[0]).toMatchObject({
      status: "firing",
      title: "Host web-1 is down",
      description: "No data",
      dedupKey: "9",
    });
    expect(rejectedField("datadog", JSON.stringify({ title: "Host down", alert_id: "9" }))).toBe("alert_transition");
  });
});

describe("owners the source names", () => {
  it("PagerDuty: teams, assignees and the escalation policy", () => {
    expect(parse("pagerduty", "pagerduty-triggered.json").alerts[0]?.owners).toEqual({
      teams: ["Engineering"],
      people: ["User 123"],
      escalationPolicy: "Default",
    });
  });

  it("Opsgenie: the team and its team and user responders", () => {
    const body = JSON.parse(fixture("opsgenie-create.json")) as { alert: Record<string, unknown> };
    body.alert.responders = [...(body.alert.responders as object[]), { id: "u1", type: "user", username: "dana@shop.example" }];
    expect(parseWebhook("opsgenie", JSON.stringify(body)).alerts[0]?.owners).toEqual({
      teams: ["Fulfilment"],
      people: ["dana@shop.example"],
      escalationPolicy: null,
    });
  });
});
