import { describe, expect, it } from "vitest";
import { decideAttempt, parseRetryAfter, retryDelayMs } from "../../lib/outbound/attempt-result.ts";
import { destinationUrlProblem } from "../../lib/outbound/destination-url.ts";
import { DEFAULT_OUTBOUND_CONFIG, loadOutboundConfig } from "../../lib/outbound/outbound-config.ts";
import { headline, type OutboundMessage } from "../../lib/outbound/outbound-message.ts";
import { escapeSlack, renderSlack } from "../../lib/outbound/render-slack.ts";
import { renderTeams } from "../../lib/outbound/render-teams.ts";
import { renderWebhook } from "../../lib/outbound/render-webhook.ts";
import { signedHeaders, signWebhook } from "../../lib/outbound/sign-webhook.ts";

const incident = {
  id: "6f1c7a52-3d1e-4b0a-9c55-0a4e2f1b7c11",
  ref: "INC-42",
  title: "Payments <declined> & retried",
  severity: "SEV1" as const,
  status: "identified" as const,
  commander: "Casey Commander",
  services: ["Payment gateway", "Checkout API"],
  startedAt: "2026-11-27T09:00:00.000Z",
  url: "https://warroom.example.com/incidents/6f1c7a52-3d1e-4b0a-9c55-0a4e2f1b7c11",
  perMinute: "$4,200/min",
};
const declared: OutboundMessage = { event: "incident.declared", occurredAt: "2026-11-27T09:00:00.000Z", incident, data: {} };

describe("headlines", () => {
  it("says what happened first, per event", () => {
    expect(headline(declared)).toBe("SEV1 · Critical declared: INC-42 Payments <declined> & retried");
    expect(headline({ ...declared, event: "incident.severity", data: { from: "SEV3", to: "SEV1" } })).toBe(
      "Severity SEV3 → SEV1: INC-42 Payments <declined> & retried",
    );
    expect(headline({ ...declared, event: "incident.status", data: { from: "investigating", to: "identified" } })).toBe(
      "Investigating → Identified: INC-42 Payments <declined> & retried",
    );
    expect(headline({ ...declared, event: "incident.resolved", data: {} })).toMatch(/^Resolved: INC-42/);
    expect(headline({ ...declared, event: "incident.commander", data: { from: "A", to: "Bo" } })).toMatch(
      /^Bo is now incident commander: INC-42/,
    );
    expect(headline({ ...declared, event: "test", incident: null, data: {} })).toMatch(/^Test message from Warroom/);
  });
});

describe("Slack", () => {
  it("renders text plus blocks with severity, status, commander, $/min and a link to the room, escaping mrkdwn", () => {
    const body = renderSlack(declared) as {
      text: string;
      blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[];
    };
    expect(body.text).toBe(`SEV1 · Critical declared: INC-42 Payments &lt;declined&gt; &amp; retried <${incident.url}>`);
    expect(body.blocks[0]?.text?.text).toBe("*SEV1 · Critical declared: INC-42 Payments &lt;declined&gt; &amp; retried*");
    expect(body.blocks[1]?.fields?.map((f) => f.text)).toEqual([
      "*Severity*\nSEV1 · Critical",
      "*Status*\nIdentified",
      "*Commander*\nCasey Commander",
      "*At risk*\n$4,200/min",
      "*Services*\nPayment gateway, Checkout API",
    ]);
    expect(body.blocks.at(-1)?.elements?.[0]?.text).toBe(`<${incident.url}|Open the room> · Warroom`);
    expect(escapeSlack("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
  });

  it("carries a stakeholder update's text", () => {
    const body = renderSlack({
      ...declared,
      event: "stakeholder.update",
      data: { text: "Card payments recovering; next update 10:30" },
    }) as { blocks: { text?: { text: string } }[] };
    expect(body.blocks.some((b) => b.text?.text === "Card payments recovering; next update 10:30")).toBe(true);
  });
});

describe("Teams", () => {
  it("renders an Adaptive Card message with facts and an Open action", () => {
    const body = renderTeams(declared) as {
      type: string;
      attachments: {
        contentType: string;
        content: {
          type: string;
          version: string;
          body: { type: string; text?: string; color?: string; facts?: { title: string; value: string }[] }[];
          actions: { type: string; url: string }[];
        };
      }[];
    };
    expect(body.type).toBe("message");
    const card = body.attachments[0]!;
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(card.content.body[0]).toMatchObject({
      type: "TextBlock",
      text: "SEV1 · Critical declared: INC-42 Payments <declined> & retried",
      color: "attention",
    });
    expect(card.content.body[1]?.facts?.[2]).toEqual({ title: "Commander", value: "Casey Commander" });
    expect(card.content.actions).toEqual([{ type: "Action.OpenUrl", title: "Open the room", url: incident.url }]);
  });
});

describe("signed webhooks", () => {
  it("renders { event, occurredAt, incident, data }", () => {
    expect(renderWebhook({ ...declared, data: { source: "Alertmanager" } })).toMatchObject({
      event: "incident.declared",
      occurredAt: declared.occurredAt,
      incident,
      data: { source: "Alertmanager" },
    });
  });

  it("signs timestamp.body with HMAC-SHA256 under v1=", () => {
    // Independently computed: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    const expected = "38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789";
    expect(signWebhook("whsec_test", "1700000000", '{"a":1}')).toBe(`v1=${expected}`);
    expect(signWebhook("whsec_other", "1700000000", '{"a":1}')).not.toBe(`v1=${expected}`);
    const headers = signedHeaders({
      secret: "whsec_test",
      event: "incident.declared",
      deliveryId: "d-1",
      body: '{"a":1}',
      now: new Date(1_700_000_000_500),
    });
    expect(headers).toEqual({
      "x-warroom-event": "incident.declared",
      "x-warroom-delivery": "d-1",
      "x-warroom-timestamp": "1700000000",
      "x-warroom-signature": `v1=${expected}`,
    });
  });
});

describe("destination URLs", () => {
  it("takes https anywhere and http only inside the private network", () => {
    expect(destinationUrlProblem("https://hooks.slack.com/services/T/B/x")).toBeNull();
    expect(destinationUrlProblem("http://127.0.0.1:4000/hook")).toBeNull();
    expect(destinationUrlProblem("http://10.1.2.3/hook")).toBeNull();
    expect(destinationUrlProblem("http://192.168.0.10/hook")).toBeNull();
    expect(destinationUrlProblem("http://mattermost.internal/hooks/x")).toBeNull();
    expect(destinationUrlProblem("http://hooks.example.com/x")).toMatch(/https/);
    expect(destinationUrlProblem("http://172.32.0.1/x")).toMatch(/https/);
    expect(destinationUrlProblem("https://169.254.169.254/latest/meta-data")).toMatch(/link-local/);
    expect(destinationUrlProblem("ftp://example.com/x")).toMatch(/https/);
    expect(destinationUrlProblem("https://user:pw@example.com/x")).toMatch(/password/);
    expect(destinationUrlProblem("not a url")).toMatch(/full URL/);
  });
});

describe("retries", () => {
  const config = { ...DEFAULT_OUTBOUND_CONFIG, backoffMs: 5_000, backoffMaxMs: 60_000, maxAttempts: 4 };
  const now = new Date("2026-11-27T09:00:00.000Z");

  it("backs off 5 s, 10 s, 20 s… capped", () => {
    expect([1, 2, 3, 4, 5, 100].map((n) => retryDelayMs(n, config))).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it("delivers on 2xx, retries otherwise, fails after the last attempt with the last error", () => {
    expect(decideAttempt({ kind: "response", status: 204, body: "", retryAfter: null }, 1, config, now)).toMatchObject({
      status: "delivered",
      lastError: "",
    });
    expect(decideAttempt({ kind: "response", status: 500, body: "oops\n  db", retryAfter: null }, 2, config, now)).toEqual({
      status: "pending",
      lastStatusCode: 500,
      lastError: "HTTP 500: oops db",
      nextAttemptAt: new Date(now.getTime() + 10_000),
    });
    expect(decideAttempt({ kind: "response", status: 302, body: "", retryAfter: null }, 4, config, now)).toMatchObject({
      status: "failed",
      lastError: "HTTP 302",
    });
    expect(decideAttempt({ kind: "error", error: new Error("aborted"), timedOut: true }, 1, config, now).lastError).toBe(
      `No answer within 10 s`,
    );
    const refused = Object.assign(new Error("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    expect(decideAttempt({ kind: "error", error: refused, timedOut: false }, 1, config, now).lastError).toBe(
      "Could not connect: ECONNREFUSED",
    );
  });

  it("honours a longer Retry-After (Slack's 429), within the cap", () => {
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(decideAttempt({ kind: "response", status: 429, body: "rate_limited", retryAfter: "30" }, 1, config, now).nextAttemptAt).toEqual(
      new Date(now.getTime() + 30_000),
    );
    expect(decideAttempt({ kind: "response", status: 429, body: "", retryAfter: "3600" }, 1, config, now).nextAttemptAt).toEqual(
      new Date(now.getTime() + 60_000),
    );
  });

  it("reads its configuration from the environment and names a bad variable", () => {
    expect(loadOutboundConfig({ OUTBOUND: "off", OUTBOUND_MAX_ATTEMPTS: "3" })).toMatchObject({
      isEnabled: false,
      maxAttempts: 3,
      timeoutMs: 10_000,
    });
    expect(() => loadOutboundConfig({ OUTBOUND_TIMEOUT_MS: "soon" })).toThrow(/OUTBOUND_TIMEOUT_MS/);
  });
});
