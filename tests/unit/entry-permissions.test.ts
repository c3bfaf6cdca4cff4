import { describe, expect, it } from "vitest";
import { can, ROLES, type RoleName } from "../../lib/auth/permissions.ts";
import {
  canAmendEntry,
  canModerateTimeline,
  isAmendableKind,
  isPinnableKind,
  isStrikableKind,
} from "../../lib/timeline/entry-permissions.ts";

const viewer = (role: RoleName, userId = "me") => ({ userId, role });
const notMine = { commanderId: "someone-else" };

describe("who may change timeline entries", () => {
  it("lets writers change their own entries, and only commanders and admins moderate", () => {
    const amendOwn: Record<RoleName, boolean> = { ADMIN: true, COMMANDER: true, RESPONDER: true, VIEWER: false };
    const moderate: Record<RoleName, boolean> = { ADMIN: true, COMMANDER: true, RESPONDER: false, VIEWER: false };
    for (const role of ROLES) {
      expect(can(role, "timeline:amend-own"), role).toBe(amendOwn[role]);
      expect(can(role, "timeline:moderate"), role).toBe(moderate[role]);
      expect(canModerateTimeline(viewer(role), notMine), role).toBe(moderate[role]);
    }
  });

  it("lets a responder who commands this incident moderate it, but never a viewer", () => {
    expect(canModerateTimeline(viewer("RESPONDER"), { commanderId: "me" })).toBe(true);
    expect(canModerateTimeline(viewer("VIEWER"), { commanderId: "me" })).toBe(false);
  });

  it("lets an author change their own entry, a moderator anyone's, and nobody a system entry", () => {
    const mine = { kind: "action" as const, author: { id: "me" } };
    const theirs = { kind: "action" as const, author: { id: "other" } };
    expect(canAmendEntry(viewer("RESPONDER"), mine, false)).toBe(true);
    expect(canAmendEntry(viewer("RESPONDER"), theirs, false)).toBe(false);
    expect(canAmendEntry(viewer("VIEWER"), mine, false)).toBe(false);
    expect(canAmendEntry(viewer("COMMANDER"), theirs, true)).toBe(true);
    expect(canAmendEntry(viewer("COMMANDER"), { kind: "status_change", author: { id: "me" } }, true)).toBe(false);
    expect(canAmendEntry(viewer("RESPONDER"), { kind: "note", author: null }, false)).toBe(false);
  });

  it("knows which kinds can be corrected, pinned and struck through", () => {
    expect(["note", "action", "decision", "hypothesis", "notification", "link"].every((k) => isAmendableKind(k as never))).toBe(true);
    expect(isAmendableKind("status_change")).toBe(false);
    expect(isAmendableKind("amendment")).toBe(false);
    expect(isPinnableKind("status_change")).toBe(true);
    expect(isPinnableKind("amendment")).toBe(false);
    expect(isStrikableKind("alert")).toBe(true);
    expect(isStrikableKind("severity_change")).toBe(false);
  });
});
