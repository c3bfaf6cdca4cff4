import { describe, expect, it } from "vitest";
import { clientIp } from "../../lib/security/client-ip.ts";
import { windowOf } from "../../lib/security/rate-limit.ts";

const req = (forwarded: string | undefined, peer = "10.0.0.5") => ({
  headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
  socket: { remoteAddress: peer } as never,
});

describe("clientIp", () => {
  it("uses the TCP peer and ignores X-Forwarded-For unless the proxy is trusted", () => {
    expect(clientIp(req("203.0.113.9"), false)).toBe("10.0.0.5");
  });
  it("takes the first X-Forwarded-For address behind a trusted proxy", () => {
    expect(clientIp(req("203.0.113.9, 10.0.0.1"), true)).toBe("203.0.113.9");
    expect(clientIp(req(undefined), true)).toBe("10.0.0.5");
  });
});

describe("windowOf", () => {
  it("puts an instant in its fixed window and counts the seconds left, at least one", () => {
    const t = Date.UTC(2026, 10, 27, 12, 0, 10, 500);
    expect(windowOf(t, 60_000)).toEqual({ start: new Date(Date.UTC(2026, 10, 27, 12, 0, 0)), retryAfterSeconds: 50 });
    expect(windowOf(Date.UTC(2026, 10, 27, 12, 0, 59, 900), 60_000).retryAfterSeconds).toBe(1);
  });
});
