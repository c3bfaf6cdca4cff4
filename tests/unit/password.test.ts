import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../lib/auth/password.ts";

// scrypt costs ~100 ms of a core per hash on purpose; on a loaded 2-core machine four of them
// took over vitest's 5 s default (CI failed on a timeout, not on a wrong answer).
describe("password hashing", { timeout: 60_000 }, () => {
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
