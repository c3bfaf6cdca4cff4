import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { classifyContentChange } from "../../lib/timeline/classify-change.ts";
import { parseEventData } from "../../lib/timeline/event-data.ts";
import { ZAmendedContent, ZAmendEvent, ZListEvents, ZPostEvent, ZStrikeEvent } from "../../lib/timeline/schemas.ts";

/** The field names a rejected input is reported under, as the API's 422 names them. */
function fields(result: { success: boolean; error?: ZodError }): string[] {
  return (result.error?.issues ?? []).map((i) => i.path.join(".")).sort();
}

describe("posting: data is validated per kind", () => {
  it("fills in an action's outcome and a hypothesis's state", () => {
    expect(ZPostEvent.parse({ kind: "action", body: "Restarted OMS" }).data).toEqual({ outcome: "pending" });
    expect(ZPostEvent.parse({ kind: "action", body: "Restarted OMS", data: { outcome: "worked" } }).data).toEqual({ outcome: "worked" });
    expect(ZPostEvent.parse({ kind: "hypothesis", body: "Retry storm" }).data).toEqual({ state: "open" });
  });

  it("stores no data for notes and decisions, whatever is sent", () => {
    expect(ZPostEvent.parse({ kind: "note", body: "hello", data: { outcome: "worked" } }).data).toBeNull();
    expect(ZPostEvent.parse({ kind: "decision", body: "Roll back" }).data).toBeNull();
  });

  it("names data.outcome for an outcome that does not exist", () => {
    expect(fields(ZPostEvent.safeParse({ kind: "action", body: "Restarted OMS", data: { outcome: "maybe" } }))).toEqual(["data.outcome"]);
  });

  it("names data.target and data.channel for a notification without them", () => {
    expect(fields(ZPostEvent.safeParse({ kind: "notification", body: "told them" }))).toEqual(["data.channel", "data.target"]);
    expect(fields(ZPostEvent.safeParse({ kind: "notification", body: "told them", data: { target: "  ", channel: "pigeon" } }))).toEqual([
      "data.channel",
      "data.target",
    ]);
    expect(ZPostEvent.parse({ kind: "notification", body: "told them", data: { target: " Payments ", channel: "phone" } }).data).toEqual({
      target: "Payments",
      channel: "phone",
      acknowledgedAt: null,
    });
  });

  it("accepts only http(s) links, naming data.url", () => {
    expect(ZPostEvent.parse({ kind: "link", body: "Dashboard", data: { url: "https://grafana.example/d/1" } }).data).toEqual({
      url: "https://grafana.example/d/1",
    });
    for (const url of ["javascript:alert(1)", "ftp://files.example/a", "not a url", "data:text/html,hi", ""]) {
      expect(fields(ZPostEvent.safeParse({ kind: "link", body: "Dashboard", data: { url } })), url).toEqual(["data.url"]);
    }
    expect(fields(ZPostEvent.safeParse({ kind: "link", body: "Dashboard" }))).toEqual(["data.url"]);
    expect(fields(ZPostEvent.safeParse({ kind: "link", body: "Dashboard", data: "https://x.example" }))).toEqual(["data"]);
  });

  it("reports data issues together with the other fields' issues", () => {
    expect(fields(ZPostEvent.safeParse({ kind: "action", body: "  ", data: { outcome: "maybe" } }))).toEqual(["body", "data.outcome"]);
  });

  it("parseEventData agrees with the post schema", () => {
    expect(parseEventData("action", undefined)).toEqual({ outcome: "pending" });
    expect(parseEventData("note", { anything: 1 })).toBeNull();
    expect(() => parseEventData("link", { url: "javascript:alert(1)" })).toThrow();
  });
});

describe("changing an entry: input", () => {
  it("needs body or data", () => {
    expect(fields(ZAmendEvent.safeParse({}))).toEqual(["body"]);
    expect(fields(ZAmendEvent.safeParse({ body: "" }))).toEqual(["body"]);
    expect(fields(ZAmendEvent.safeParse({ body: "x".repeat(10_001) }))).toEqual(["body"]);
    expect(fields(ZAmendEvent.safeParse({ data: [1] }))).toEqual(["data"]);
    expect(ZAmendEvent.safeParse({ data: { outcome: "worked" } }).success).toBe(true);
  });

  it("re-validates the merged content for the entry's kind", () => {
    expect(ZAmendedContent("action").parse({ body: "x", data: { outcome: "failed" } })).toEqual({ body: "x", data: { outcome: "failed" } });
    expect(fields(ZAmendedContent("action").safeParse({ body: "x", data: { outcome: "meh" } }))).toEqual(["data.outcome"]);
    expect(fields(ZAmendedContent("hypothesis").safeParse({ body: "x", data: { state: "maybe" } }))).toEqual(["data.state"]);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect(
      fields(ZAmendedContent("notification").safeParse({ body: "x", data: { target: "T", channel: "chat", acknowledgedAt: inAnHour } })),
    ).toEqual(["data.acknowledgedAt"]);
  });

  it("needs a reason of 1 to 500 characters to strike an entry through", () => {
    expect(fields(ZStrikeEvent.safeParse({}))).toEqual(["reason"]);
    expect(fields(ZStrikeEvent.safeParse({ reason: "   " }))).toEqual(["reason"]);
    expect(fields(ZStrikeEvent.safeParse({ reason: "x".repeat(501) }))).toEqual(["reason"]);
    expect(ZStrikeEvent.parse({ reason: " duplicate " })).toEqual({ reason: "duplicate" });
  });
});

describe("listing: filters", () => {
  it("reads filters from a query string", () => {
    const q = ZListEvents.parse({ kind: "action,decision", pinned: "true", includeStruck: "false", q: " sync " });
    expect(q).toMatchObject({ kind: ["action", "decision"], pinned: true, includeStruck: false, q: "sync", limit: 100 });
  });

  it("names the filter that is wrong", () => {
    expect(fields(ZListEvents.safeParse({ kind: "action,rumour" }))).toEqual(["kind"]);
    expect(fields(ZListEvents.safeParse({ author: "riley" }))).toEqual(["author"]);
    expect(fields(ZListEvents.safeParse({ pinned: "yes" }))).toEqual(["pinned"]);
    expect(fields(ZListEvents.safeParse({ q: "  " }))).toEqual(["q"]);
  });

  it("refuses to filter a catch-up, which must have no holes", () => {
    expect(fields(ZListEvents.safeParse({ after: 3, kind: "note" }))).toEqual(["after"]);
    expect(fields(ZListEvents.safeParse({ after: 3, includeStruck: "true" }))).toEqual(["after"]);
    expect(ZListEvents.safeParse({ after: 3 }).success).toBe(true);
  });
});

describe("naming a change", () => {
  const action = (outcome: string) => ({ body: "Restarted OMS", data: { outcome } });

  it("calls an outcome, state or acknowledgement change by its name", () => {
    expect(classifyContentChange("action", 7, action("pending"), action("worked"))).toEqual({
      change: "outcome",
      sentence: "marked action #7 worked",
    });
    expect(
      classifyContentChange("hypothesis", 5, { body: "h", data: { state: "open" } }, { body: "h", data: { state: "ruled_out" } }),
    ).toEqual({
      change: "state",
      sentence: "marked hypothesis #5 ruled out",
    });
    expect(
      classifyContentChange("hypothesis", 5, { body: "h", data: { state: "confirmed" } }, { body: "h", data: { state: "open" } })?.sentence,
    ).toBe("reopened hypothesis #5");
    const notified = { body: "n", data: { target: "Payments", channel: "chat", acknowledgedAt: null } };
    expect(
      classifyContentChange("notification", 8, notified, {
        ...notified,
        data: { ...notified.data, acknowledgedAt: "2026-11-27T09:00:00.000Z" },
      }),
    ).toEqual({ change: "acknowledge", sentence: "recorded that Payments acknowledged #8" });
  });

  it("calls anything else a correction, and nothing at all null", () => {
    expect(
      classifyContentChange("action", 7, action("pending"), { body: "Restarted OMS twice", data: { outcome: "pending" } })?.change,
    ).toBe("correct");
    expect(
      classifyContentChange("action", 7, action("pending"), { body: "Restarted OMS twice", data: { outcome: "worked" } })?.change,
    ).toBe("correct");
    expect(classifyContentChange("note", 3, { body: "a", data: null }, { body: "b", data: null })).toEqual({
      change: "correct",
      sentence: "corrected #3",
    });
    expect(classifyContentChange("action", 7, action("worked"), action("worked"))).toBeNull();
  });
});
