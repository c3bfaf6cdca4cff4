// Security headers as a browser sees them: a per-request script nonce, no framing, no sniffing —
// and user text that looks like script stays text under that policy.
import { BASE_URL } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("pages carry a strict CSP with a fresh nonce that every script uses", async ({ apiAs }) => {
  const anon = await apiAs(null);
  const first = await anon.get("/login");
  const second = await anon.get("/login");
  expect(first.status()).toBe(200);
  const csp = first.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  const nonce = nonceOf(csp);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);

  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);

  for (const res of [first, await anon.get("/api/health")]) {
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
    expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
});

test("the room runs under the policy, and script-like entries stay inert", async ({ apiAs, pageAs }) => {
  const api = await apiAs("commander");
  const incident = await seedIncident(api, { title: `CSP check ${uniqueTag()}` });
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
  await seedEvent(api, incident.id, { kind: "note", body: payload });

  const { page } = await pageAs("responder");
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`/incidents/${incident.id}`);
  const r = room(page);
  // The room is interactive (its scripts ran under the nonce) and the payload did nothing.
  await expectLive(r);
  await expect(r.entry(payload)).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(violations).toEqual([]);
});

test("a cookie-authenticated write from another site is refused; the same write from Warroom goes through", async ({ apiAs }) => {
  const api = await apiAs("responder");
  const cross = await api.post("/api/incidents", {
    data: { title: `Cross-site ${uniqueTag()}`, severity: "SEV4" },
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(cross.status()).toBe(403);
  expect(((await cross.json()) as { error: { message: string } }).error.message).toMatch(/another site/);
  const list = (await (await api.get("/api/incidents")).json()) as { incidents: { title: string }[] };
  expect(list.incidents.some((i) => i.title.startsWith("Cross-site"))).toBe(false);

  const same = await api.post("/api/incidents", {
    data: { title: `Same-site ${uniqueTag()}`, severity: "SEV4" },
    headers: { origin: BASE_URL, "sec-fetch-site": "same-origin" },
  });
  expect(same.status()).toBe(201);
});
