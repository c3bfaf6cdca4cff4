import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, isApiTokenShaped, parseBearer } from "../../lib/auth/api-token-format.ts";
import { ZCreateApiToken } from "../../lib/auth/api-token-schemas.ts";

describe("API token format", () => {
  it("makes wr_ tokens with 256 random bits, a short prefix and a sha256 hash", () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^wr_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.prefix).toBe(a.token.slice(0, 10));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).not.toContain(a.token.slice(3));
  });

  it("hashes deterministically and distinguishes tokens differing in one character", () => {
    const { token } = generateApiToken();
    const other = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(hashApiToken(token)).toBe(hashApiToken(token));
    expect(hashApiToken(other)).not.toBe(hashApiToken(token));
  });

  it("reads Bearer headers, scheme in any case", () => {
    const { token } = generateApiToken();
    expect(parseBearer(`Bearer ${token}`)).toBe(token);
    expect(parseBearer(`bearer ${token}`)).toBe(token);
    expect(parseBearer(`  BEARER   ${token} `)).toBe(token);
  });

  it("rejects anything that is not a well-formed wr_ token", () => {
    const { token } = generateApiToken();
    for (const header of [
      "",
      "Bearer",
      `Basic ${token}`,
      `Bearer ${token} extra`,
      "Bearer wr_short",
      `Bearer ${token.slice(3)}`,
      `Bearer ${token}!`,
      `Token ${token}`,
    ]) {
      expect(parseBearer(header), header).toBeNull();
    }
    expect(isApiTokenShaped(token)).toBe(true);
  });
});

describe("creating a token: input", () => {
  it("needs a name and one of read, write, admin", () => {
    expect(ZCreateApiToken.parse({ name: "  CI  ", scope: "read" })).toEqual({ name: "CI", scope: "read" });
    const bad = ZCreateApiToken.safeParse({ name: " ", scope: "root" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["name", "scope"]);
  });
});
