import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decideAttempt } from "../../lib/outbound/attempt-result.ts";
import { DEFAULT_OUTBOUND_CONFIG } from "../../lib/outbound/outbound-config.ts";
import { readPageAck } from "../../lib/paging/page-ack.ts";
import { parsePageCommand } from "../../lib/paging/page-command.ts";
import { loadPagingEndpoints } from "../../lib/paging/paging-config.ts";
import { renderPage, type PageMessage } from "../../lib/paging/render-page.ts";

const fixture = (dir: string, name: string) => readFileSync(path.join(import.meta.dirname, "../fixtures", dir, name), "utf8");
const endpoints = { pagerDutyEventsUrl: "https://events.pagerduty.com/v2/enqueue", opsgenieApiUrl: "https://api.opsgenie.com" };
const message: PageMessage = {
  action: "trigger",
  dedupKey: "warroom-i-t",
  team: "Payments",
  incident: {
    id: "i",
    ref: "INC-7",
    title: "Card payments declined",
    severity: "SEV2",
    url: "https://warroom.example/incidents/i",
    services: ["Payment gateway"],
  },
  reason: "x".repeat(300),
  pagedBy: "Ana",
};

describe("rendering pages", () => {
  it("PagerDuty: trigger with dedup key, mapped severity and a link to the room; resolve names only the key", () => {
    const { url, body } = renderPage("pagerduty", message, endpoints, "");
    expect(url).toBe(endpoints.pagerDutyEventsUrl);
    expect(body).toMatchObject({
      event_action: "trigger",
      dedup_key: "warroom-i-t",
      payload: { severity: "error", source: "Warroom", group: "Payments" },
      links: [{ href: message.incident.url }],
    });
    expect(body).not.toHaveProperty("routing_key");
    expect(renderPage("pagerduty", { ...message, action: "resolve" }, endpoints, "").body).toEqual({
      event_action: "resolve",
      dedup_key: "warroom-i-t",
    });
  });

  it("Opsgenie: message within 130 characters, alias, P2 for SEV2; close by alias", () => {
    const { url, body } = renderPage(
      "opsgenie",
      { ...message, responders: [{ type: "team", name: "Payments" }], contact: "bo@acme.test" },
      endpoints,
      "",
    );
    expect(url).toBe("https://api.opsgenie.com/v2/alerts");
    expect(String(body.message).length).toBeLessThanOrEqual(130);
    expect(body).toMatchObject({
      alias: "warroom-i-t",
      priority: "P2",
      responders: [
        { type: "team", name: "Payments" },
        { type: "user", username: "bo@acme.test" },
      ],
    });
    expect(renderPage("opsgenie", { ...message, action: "resolve" }, endpoints, "").url).toBe(
      "https://api.opsgenie.com/v2/alerts/warroom-i-t/close?identifierType=alias",
    );
  });
});

describe("reading acknowledgements", () => {
  it("PagerDuty incident.acknowledged: the key and the acting user", () => {
    const raw = fixture("paging", "pagerduty-incident-acknowledged.json").replace("REPLACED-BY-THE-TEST", "warroom-a-b");
    expect(readPageAck("pagerduty", raw)).toMatchObject({ dedupKey: "warroom-a-b", by: "Tenex Engineer", vendor: "PagerDuty" });
  });
  it("PagerDuty acknowledged by a service (no user agent): the first assignee", () => {
    expect(readPageAck("pagerduty", fixture("webhooks", "pagerduty-acknowledged.json"))).toMatchObject({
      dedupKey: "d3640fbd41094207a1c11e58e46b1662",
      by: "User 123",
    });
  });
  it("Opsgenie Acknowledge: alias and user; other actions and junk are not acknowledgements", () => {
    const raw = fixture("paging", "opsgenie-acknowledge.json").replace("REPLACED-BY-THE-TEST", "warroom-c-d");
    expect(readPageAck("opsgenie", raw)).toMatchObject({ dedupKey: "warroom-c-d", by: "john.doe@opsgenie.com", vendor: "Opsgenie" });
    expect(readPageAck("opsgenie", fixture("webhooks", "opsgenie-create.json"))).toBeNull();
    expect(readPageAck("pagerduty", fixture("webhooks", "pagerduty-triggered.json"))).toBeNull();
    expect(readPageAck("pagerduty", "{not json")).toBeNull();
    expect(readPageAck("generic", raw)).toBeNull();
  });
});

describe("the composer's /page", () => {
  it("reads team and reason", () => {
    expect(parsePageCommand("/page Payments: gateway 502s")).toEqual({ team: "Payments", reason: "gateway 502s" });
    expect(parsePageCommand("/PAGE  Order management")).toEqual({ team: "Order management", reason: "" });
    expect(parsePageCommand("/pager duty")).toBeNull();
    expect(parsePageCommand("paged them")).toBeNull();
  });
});

describe("vendor answers", () => {
  const now = new Date("2026-11-27T14:00:00Z");
  const answer = (status: number) => ({ kind: "response" as const, status, body: "", retryAfter: null });
  it("a page's 4xx is final, 429 and 5xx are retried; other deliveries retry as before", () => {
    expect(decideAttempt(answer(400), 1, DEFAULT_OUTBOUND_CONFIG, now, { isFinalOn4xx: true }).status).toBe("failed");
    expect(decideAttempt(answer(401), 1, DEFAULT_OUTBOUND_CONFIG, now, { isFinalOn4xx: true }).status).toBe("failed");
    expect(decideAttempt(answer(429), 1, DEFAULT_OUTBOUND_CONFIG, now, { isFinalOn4xx: true }).status).toBe("pending");
    expect(decideAttempt(answer(503), 1, DEFAULT_OUTBOUND_CONFIG, now, { isFinalOn4xx: true }).status).toBe("pending");
    expect(decideAttempt(answer(400), 1, DEFAULT_OUTBOUND_CONFIG, now).status).toBe("pending");
  });
});

describe("configuration", () => {
  it("defaults to the vendors, takes a local receiver, and names a bad variable", () => {
    expect(loadPagingEndpoints({})).toEqual(endpoints);
    expect(loadPagingEndpoints({ PAGERDUTY_EVENTS_URL: "http://127.0.0.1:3260/pd/", OPSGENIE_API_URL: "" }).pagerDutyEventsUrl).toBe(
      "http://127.0.0.1:3260/pd",
    );
    expect(() => loadPagingEndpoints({ OPSGENIE_API_URL: "http://api.opsgenie.com" })).toThrow(/OPSGENIE_API_URL/);
    expect(() => loadPagingEndpoints({ PAGERDUTY_EVENTS_URL: "not a url" })).toThrow(/PAGERDUTY_EVENTS_URL/);
  });
});
