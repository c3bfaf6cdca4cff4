import { describe, expect, it } from "vitest";
import { isSameOriginWrite } from "../../lib/http/same-origin.ts";

const base = { method: "POST", origin: null, secFetchSite: null, host: "warroom.example:3000" };

describe("isSameOriginWrite", () => {
  it("lets reads through whatever their origin", () => {
    expect(isSameOriginWrite({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(true);
  });
  it("lets a write from the same origin through", () => {
    expect(isSameOriginWrite({ ...base, origin: "http://warroom.example:3000", secFetchSite: "same-origin" })).toBe(true);
  });
  it("accepts the public URL's host behind a proxy", () => {
    expect(
      isSameOriginWrite({ ...base, host: "10.0.0.7:3000", origin: "https://warroom.example", publicUrl: "https://warroom.example" }),
    ).toBe(true);
  });
  it("refuses a write another site's page sends", () => {
    expect(isSameOriginWrite({ ...base, origin: "https://evil.example" })).toBe(false);
    expect(isSameOriginWrite({ ...base, secFetchSite: "cross-site" })).toBe(false);
    expect(isSameOriginWrite({ ...base, origin: "null" })).toBe(false);
    expect(isSameOriginWrite({ ...base, method: "delete", origin: "http://warroom.example:3000.evil.example" })).toBe(false);
  });
  it("lets clients that are not browsers through (no Origin, no Sec-Fetch-Site)", () => {
    expect(isSameOriginWrite(base)).toBe(true);
  });
});
