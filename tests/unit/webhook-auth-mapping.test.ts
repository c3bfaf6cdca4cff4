import { describe, expect, it } from "vitest";
import type { NormalizedAlert } from "../../lib/integrations/alert.ts";
import { DEFAULT_SEVERITY_RULES, nameKey, pickService, pickSeverity, type AlertMapping } from "../../lib/integrations/mapping.ts";
import { pagerDutySignature, verifyWebhook } from "../../lib/integrations/verify-webhook.ts";

const SECRET = "whk_test-secret-0123456789";
const body = '{"event":{"id":"e1"}}';
const creds = (headers: Record<string, string>, query = "") => ({
  headers: new Headers(headers),
  rawBody: body,
  query: new URLSearchParams(query),
});

describe("verifying a webhook", () => {
  it("PagerDuty: one of several comma-separated v1 signatures must be the HMAC of the raw body", () => {
    const good = pagerDutySignature(SECRET, body);
    expect(good).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhook("pagerduty", SECRET, creds({ "x-pagerduty-signature": good }))).toBe(true);
    expect(verifyWebhook("pagerduty", SECRET, creds({ "x-pagerduty-signature": `v1=${"0".repeat(64)}, ${good}` }))).toBe(true);
    expect(verifyWebhook("pagerduty", SECRET, creds({ "x-pagerduty-signature": pagerDutySignature("other-secret-xyz", body) }))).toBe(
      false,
    );
    // Signed over another body, or without the header at all.
    expect(verifyWebhook("pagerduty", SECRET, { ...creds({ "x-pagerduty-signature": good }), rawBody: `${body} ` })).toBe(false);
    expect(verifyWebhook("pagerduty", SECRET, creds({ "x-warroom-secret": SECRET }))).toBe(false);
  });

  it("Alertmanager/Grafana: Bearer credentials or basic auth with the secret as password", () => {
    expect(verifyWebhook("alertmanager", SECRET, creds({ authorization: `Bearer ${SECRET}` }))).toBe(true);
    const basic = Buffer.from(`alertmanager:${SECRET}`).toString("base64");
    expect(verifyWebhook("grafana", SECRET, creds({ authorization: `Basic ${basic}` }))).toBe(true);
    expect(verifyWebhook("alertmanager", SECRET, creds({ authorization: `Bearer ${SECRET}x` }))).toBe(false);
    expect(verifyWebhook("alertmanager", SECRET, creds({}))).toBe(false);
  });

  it("shared secret sources: the X-Warroom-Secret header, or ?secret= for Pingdom which cannot send headers", () => {
    expect(verifyWebhook("opsgenie", SECRET, creds({ "x-warroom-secret": SECRET }))).toBe(true);
    expect(verifyWebhook("pingdom", SECRET, creds({}, `secret=${SECRET}`))).toBe(true);
    expect(verifyWebhook("generic", SECRET, creds({ "x-warroom-secret": "nope" }, `secret=${SECRET}`))).toBe(false);
    expect(verifyWebhook("datadog", SECRET, creds({ authorization: `Bearer ${SECRET}` }))).toBe(false);
  });
});

const alert = (labels: Record<string, string>, hints: Partial<NormalizedAlert> = {}): NormalizedAlert => ({
  dedupKey: "k",
  status: "firing",
  title: "t",
  description: "",
  labels,
  serviceHint: null,
  severityHint: null,
  startedAt: null,
  endedAt: null,
  sourceUrl: null,
  ...hints,
});

const mapping: AlertMapping = {
  serviceLabel: "service",
  defaultServiceId: "default-id",
  serviceRules: [{ label: "job", value: "psp-exporter", serviceId: "psp-id" }],
  severityLabel: "severity",
  severityRules: DEFAULT_SEVERITY_RULES,
  defaultSeverity: "SEV3",
};
const services = new Map([[nameKey("Checkout API"), "checkout-id"]]);

describe("mapping an alert", () => {
  it("picks a service by rule, then by name (ignoring case and punctuation), then the default", () => {
    expect(pickService(alert({ job: "PSP-exporter", service: "checkout-api" }), mapping, services)).toBe("psp-id");
    expect(pickService(alert({ service: "checkout_api" }), mapping, services)).toBe("checkout-id");
    expect(pickService(alert({}, { serviceHint: "Checkout API" }), mapping, services)).toBe("checkout-id");
    expect(pickService(alert({ service: "unknown" }), mapping, services)).toBe("default-id");
    expect(pickService(alert({ service: "unknown" }), { ...mapping, defaultServiceId: null }, services)).toBeNull();
  });

  it("picks severity from the label, then the source's hint, else the default", () => {
    expect(pickSeverity(alert({ severity: "CRITICAL" }), mapping)).toBe("SEV2");
    expect(pickSeverity(alert({}, { severityHint: "P1" }), mapping)).toBe("SEV1");
    expect(pickSeverity(alert({ severity: "weird" }, { severityHint: "low" }), mapping)).toBe("SEV4");
    expect(pickSeverity(alert({ severity: "weird" }), { ...mapping, defaultSeverity: "SEV2" })).toBe("SEV2");
  });
});
