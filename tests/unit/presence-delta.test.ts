import { describe, expect, it } from "vitest";
import { applyPresenceDelta } from "../../lib/realtime/presence-delta.ts";

const ada = { id: "u-ada", name: "Ada Berg", role: "RESPONDER" };
const chen = { id: "u-chen", name: "Chen Costa", role: "VIEWER" };
const bilal = { id: "u-bilal", name: "Bilal Dahl", role: "COMMANDER" };

describe("applying a presence delta", () => {
  it("adds who joined and removes who left, keeping the list sorted by name", () => {
    expect(applyPresenceDelta([ada, chen], { joined: [bilal], left: ["u-chen"] })).toEqual([ada, bilal]);
  });

  it("is idempotent: a join already known (the ack raced the delta) is not listed twice", () => {
    expect(applyPresenceDelta([ada, bilal], { joined: [bilal], left: [] })).toEqual([ada, bilal]);
  });

  it("ignores a leave for someone not listed and keeps the same list when nothing changes", () => {
    const users = [ada];
    expect(applyPresenceDelta(users, { joined: [], left: ["u-nobody"] })).toEqual([ada]);
    expect(applyPresenceDelta(users, { joined: [], left: [] })).toBe(users);
  });

  it("takes a changed name or role from the newer delta", () => {
    expect(applyPresenceDelta([ada], { joined: [{ ...ada, role: "COMMANDER" }], left: [] })).toEqual([{ ...ada, role: "COMMANDER" }]);
  });
});
