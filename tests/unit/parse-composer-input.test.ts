import { describe, expect, it } from "vitest";
import { parseComposerInput } from "../../lib/timeline/room-state.ts";

describe("parseComposerInput", () => {
  it("takes the kind from a slash prefix and strips it from the body", () => {
    expect(parseComposerInput("/action restarted the ERP sync", "note")).toEqual({ kind: "action", body: "restarted the ERP sync" });
    expect(parseComposerInput("/Decision roll back 4.2", "note")).toEqual({ kind: "decision", body: "roll back 4.2" });
    expect(parseComposerInput("/hypothesis  retry storm", "note")).toEqual({ kind: "hypothesis", body: "retry storm" });
  });

  it("uses the selected kind when there is no known prefix", () => {
    expect(parseComposerInput("  PSP reports no incident  ", "note")).toEqual({ kind: "note", body: "PSP reports no incident" });
    expect(parseComposerInput("/status resolved", "action")).toEqual({ kind: "action", body: "/status resolved" });
    // A word that merely starts like a kind is not a prefix.
    expect(parseComposerInput("/notes from the call", "decision")).toEqual({ kind: "decision", body: "/notes from the call" });
  });

  it("leaves a bare prefix with an empty body, which the API rejects", () => {
    expect(parseComposerInput("/note", "action")).toEqual({ kind: "note", body: "" });
  });
});
