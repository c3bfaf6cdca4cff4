// The session decode with a cached key must accept exactly what next-auth's own encode writes
// and refuse what next-auth would refuse: another secret, a tampered token, an expired one.
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sessionFromCookieHeader } from "../../lib/auth/session-token.ts";

const userIdFromCookieHeader = async (header: string | undefined) => (await sessionFromCookieHeader(header))?.userId ?? null;

const SECRET = "unit-test-secret-0123456789abcdefghijklmnop";
const cookie = (token: string) => `theme=dark; next-auth.session-token=${token}`;

describe("sessionFromCookieHeader", () => {
  const saved = process.env.NEXTAUTH_SECRET;
  beforeEach(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
  });
  afterEach(() => {
    process.env.NEXTAUTH_SECRET = saved;
  });

  it("reads the user id from a token next-auth encoded, again and again", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET });
    expect(await userIdFromCookieHeader(cookie(token))).toBe("user-1");
    expect(await userIdFromCookieHeader(cookie(token))).toBe("user-1");
  });

  it("refuses a token encoded with another secret", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: "another-secret-0123456789abcdefghijklmn" });
    expect(await userIdFromCookieHeader(cookie(token))).toBeNull();
  });

  it("follows a changed secret", async () => {
    const token = await encode({ token: { sub: "user-2" }, secret: SECRET });
    expect(await userIdFromCookieHeader(cookie(token))).toBe("user-2");
    process.env.NEXTAUTH_SECRET = "rotated-secret-0123456789abcdefghijklmnop";
    expect(await userIdFromCookieHeader(cookie(token))).toBeNull();
  });

  it("refuses a tampered token", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET });
    const parts = token.split(".");
    const body = parts[3] ?? "";
    parts[3] = (body[0] === "A" ? "B" : "A") + body.slice(1);
    expect(await userIdFromCookieHeader(cookie(parts.join(".")))).toBeNull();
  });

  it("refuses an expired token", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret: SECRET, maxAge: -60 });
    expect(await userIdFromCookieHeader(cookie(token))).toBeNull();
  });

  it("answers null without a session cookie", async () => {
    expect(await userIdFromCookieHeader(undefined)).toBeNull();
    expect(await userIdFromCookieHeader("theme=dark")).toBeNull();
  });
});

describe("a session token read before", () => {
  const saved = process.env.NEXTAUTH_SECRET;
  beforeEach(() => {
    process.env.NEXTAUTH_SECRET = SECRET;
  });
  afterEach(() => {
    process.env.NEXTAUTH_SECRET = saved;
    vi.useRealTimers();
  });

  it("stops being accepted once it expires (past the 15 s clock tolerance)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-27T02:00:00Z"));
    const token = await encode({ token: { sub: "user-3" }, secret: SECRET, maxAge: 60 });
    expect(await userIdFromCookieHeader(cookie(token))).toBe("user-3");
    vi.setSystemTime(new Date("2026-11-27T02:01:10Z"));
    expect(await userIdFromCookieHeader(cookie(token))).toBe("user-3");
    vi.setSystemTime(new Date("2026-11-27T02:01:16Z"));
    expect(await userIdFromCookieHeader(cookie(token))).toBeNull();
    expect(await userIdFromCookieHeader(cookie(token))).toBeNull();
  });

  it("is refused under another secret even after it was accepted", async () => {
    const token = await encode({ token: { sub: "user-4" }, secret: SECRET });
    expect(await userIdFromCookieHeader(cookie(token))).toBe("user-4");
    process.env.NEXTAUTH_SECRET = "rotated-secret-0123456789abcdefghijklmnop";
    expect(await userIdFromCookieHeader(cookie(token))).toBeNull();
  });
});
