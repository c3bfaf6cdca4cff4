import { describe, expect, it } from "vitest";
import { buildComposerEntry, parseComposerInput } from "../../lib/timeline/composer-input.ts";

const parsed = (text: string, fallback: Parameters<typeof parseComposerInput>[1] = "note") => parseComposerInput(text, fallback);

describe("parseComposerInput", () => {
  it("takes the kind from a slash prefix and strips it from the body", () => {
    expect(parsed("/action restarted the ERP sync")).toEqual({ kind: "action", body: "restarted the ERP sync", prefixed: true });
    expect(parsed("/Decision roll back 4.2")).toEqual({ kind: "decision", body: "roll back 4.2", prefixed: true });
    expect(parsed("/hypothesis  retry storm")).toEqual({ kind: "hypothesis", body: "retry storm", prefixed: true });
    expect(parsed("/note PSP confirms", "action")).toEqual({ kind: "note", body: "PSP confirms", prefixed: true });
  });

  it("uses the selected kind when there is no known prefix", () => {
    expect(parsed("  PSP reports no incident  ")).toEqual({ kind: "note", body: "PSP reports no incident", prefixed: false });
    expect(parsed("/status resolved", "action")).toEqual({ kind: "action", body: "/status resolved", prefixed: false });
    // A word that merely starts like a kind is not a prefix.
    expect(parsed("/notes from the call", "decision")).toEqual({ kind: "decision", body: "/notes from the call", prefixed: false });
    expect(parsed("/linked accounts are fine")).toMatchObject({ kind: "note", prefixed: false });
  });

  it("leaves a bare prefix with an empty body, which is refused before posting", () => {
    expect(parsed("/note", "action")).toEqual({ kind: "note", body: "", prefixed: true });
    expect(buildComposerEntry(parsed("/note", "action"))).toMatchObject({ ok: false, field: "body" });
  });

  it("reads who was notified, by which channel, and what they were told", () => {
    expect(parsed("/notify Payments on-call: pause the retry job")).toEqual({
      kind: "notification",
      body: "pause the retry job",
      target: "Payments on-call",
      prefixed: true,
    });
    expect(parsed("/notify Fulfilment team via phone: stop pushing stock updates")).toEqual({
      kind: "notification",
      body: "stop pushing stock updates",
      target: "Fulfilment team",
      channel: "phone",
      prefixed: true,
    });
    expect(parsed("/notify PSP account manager by email")).toMatchObject({ target: "PSP account manager", channel: "email", body: "" });
    // Only "via" or "by" followed by a known channel names one.
    expect(parsed("/notify Team on call: hi")).toEqual({ kind: "notification", target: "Team on call", body: "hi", prefixed: true });
    expect(parsed("/notify Ops by the book: hi")).toMatchObject({ target: "Ops by the book" });
    expect(parsed("/notify")).toMatchObject({ kind: "notification", body: "" });
    expect(parsed("/notify")).not.toHaveProperty("target");
  });

  it("reads a link's address and its description", () => {
    expect(parsed("/link https://status.psp.example/incidents/42 PSP status page")).toEqual({
      kind: "link",
      url: "https://status.psp.example/incidents/42",
      body: "PSP status page",
      prefixed: true,
    });
    expect(parsed("/link https://grafana.example/d/checkout")).toMatchObject({ url: "https://grafana.example/d/checkout", body: "" });
    expect(parsed("/link the dashboard")).toEqual({ kind: "link", body: "the dashboard", prefixed: true });
  });
});

describe("buildComposerEntry", () => {
  it("posts plain kinds as typed, with no data", () => {
    expect(buildComposerEntry(parsed("/action restarted the ERP sync"))).toEqual({
      ok: true,
      kind: "action",
      body: "restarted the ERP sync",
      data: null,
    });
    expect(buildComposerEntry(parsed("   "))).toMatchObject({ ok: false, field: "body" });
  });

  it("builds a notification from the prefix, or from the inline fields, the typed one winning", () => {
    expect(buildComposerEntry(parsed("/notify Payments via pager: pause retries"))).toEqual({
      ok: true,
      kind: "notification",
      body: "pause retries",
      data: { target: "Payments", channel: "pager", acknowledgedAt: null },
    });
    expect(buildComposerEntry(parsed("told them to stand by", "notification"), { target: "Warehouse", channel: "phone" })).toMatchObject({
      ok: true,
      data: { target: "Warehouse", channel: "phone" },
    });
    expect(buildComposerEntry(parsed("/notify Search team: heads up"), { target: "Ignored", channel: "email" })).toMatchObject({
      data: { target: "Search team", channel: "email" },
    });
    // No words of its own: a sentence that still reads as a log line.
    expect(buildComposerEntry(parsed("/notify CRM team by email"))).toMatchObject({ ok: true, body: "Told CRM team by email" });
  });

  it("resolves the team from the catalog's teams: the same record the panel's “Mark told…” writes", () => {
    const teams = [
      { id: "7f1c9a52-3d4e-4b8a-9c1d-2e3f4a5b6c7d", name: "Fulfillment" },
      { id: "0b2d4f61-8a9c-4e1b-a2c3-d4e5f6a7b8c9", name: "Payments" },
    ];
    expect(buildComposerEntry(parsed("/notify fulfillment on-call via phone: pause stock pushes"), {}, teams)).toEqual({
      ok: true,
      kind: "notification",
      body: "pause stock pushes",
      data: { target: "Fulfillment", teamId: "7f1c9a52-3d4e-4b8a-9c1d-2e3f4a5b6c7d", channel: "phone", acknowledgedAt: null },
    });
    expect(buildComposerEntry(parsed("/notify Payments by pager"), {}, teams)).toMatchObject({ ok: true, body: "Told Payments by pager" });
    const unknown = buildComposerEntry(parsed("/notify Fulfilment via phone: hi"), {}, teams);
    expect(unknown).toMatchObject({ ok: false, field: "target" });
    expect(unknown.ok ? "" : unknown.error).toBe("No team named “Fulfilment” in the catalog. Teams: Fulfillment, Payments.");
  });

  it("refuses a notification without anyone to notify, naming the field", () => {
    expect(buildComposerEntry(parsed("told them", "notification"))).toMatchObject({ ok: false, field: "target" });
    expect(buildComposerEntry(parsed("/notify : hello"))).toMatchObject({ ok: false, field: "target" });
  });

  it("builds a link only for an http(s) address", () => {
    expect(buildComposerEntry(parsed("/link https://grafana.example/d/checkout"))).toEqual({
      ok: true,
      kind: "link",
      body: "https://grafana.example/d/checkout",
      data: { url: "https://grafana.example/d/checkout" },
    });
    expect(buildComposerEntry(parsed("Checkout dashboard", "link"), { url: "https://grafana.example/d/x" })).toMatchObject({
      ok: true,
      body: "Checkout dashboard",
      data: { url: "https://grafana.example/d/x" },
    });
    expect(buildComposerEntry(parsed("/link javascript://alert(1) click me"))).toMatchObject({ ok: false, field: "url" });
    expect(buildComposerEntry(parsed("/link ftp://files.example/x"))).toMatchObject({ ok: false, field: "url" });
    expect(buildComposerEntry(parsed("no address", "link"))).toMatchObject({ ok: false, field: "url" });
  });
});
