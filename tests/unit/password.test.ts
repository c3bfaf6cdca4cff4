import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../lib/auth/password.ts";

describe("password hashing", () => {
  it("verifies the password it hashed and rejects any other", async () => {
    const stored = await hashPassword("warroom-demo");
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword("warroom-demo", stored)).toBe(true);
    expect(await verifyPassword("warroom-demo ", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash, so equal passwords do not give equal hashes", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it.each(["", "not-a-hash", "bcrypt$10$abc$def$ghi$jkl", "scrypt$32768$8$1$salt"])(
    "treats a malformed stored hash %j as a wrong password",
    async (stored) => {
      expect(await verifyPassword("warroom-demo", stored)).toBe(false);
    },
  );
});
