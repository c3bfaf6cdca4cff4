import { describe, expect, it } from "vitest";
import { can, ROLES, type Permission, type RoleName } from "../../lib/auth/permissions.ts";

describe("permissions", () => {
  it("lets every role read incidents", () => {
    for (const role of ROLES) expect(can(role, "incident:read")).toBe(true);
  });

  it("lets admins, commanders and responders declare and post, but not viewers", () => {
    const writes: Permission[] = ["incident:declare", "timeline:post"];
    const expected: Record<RoleName, boolean> = { ADMIN: true, COMMANDER: true, RESPONDER: true, VIEWER: false };
    for (const permission of writes) {
      for (const role of ROLES) expect(can(role, permission), `${role} ${permission}`).toBe(expected[role]);
    }
  });
});
