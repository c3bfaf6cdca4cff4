// Issue #16, finding 9: /triage fetched with Next-Router-Prefetch: 1 or Purpose: prefetch came
// back as the full page without a Content-Security-Policy, because the proxy skipped prefetches.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "../../proxy.ts";

describe("the page proxy (CSP nonce) runs for", () => {
  for (const headers of [{}, { "next-router-prefetch": "1" }, { purpose: "prefetch" }, { "sec-purpose": "prefetch" }]) {
    it(`/triage with ${JSON.stringify(headers)}`, () => {
      expect(unstable_doesMiddlewareMatch({ config, url: "/triage", headers })).toBe(true);
    });
  }

  it("but not the API or static assets", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: "/api/triage" })).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config, url: "/_next/static/chunks/app.js" })).toBe(false);
  });
});
