// Issue #16 finding 6 against the built server: a browser holding a next-auth.callback-url cookie
// next-auth cannot parse still gets a session, a CSRF token and the sign-in page (it got 500s),
// and the server replaces the cookie in the browser. A garbage session cookie is a 401.
import { expect, test } from "@playwright/test";
import { BASE_URL } from "./support/env.ts";

for (const bad of ["http://[::1", "%ZZ", "javascript:alert(1)"]) {
  test(`a callback-url cookie of ${JSON.stringify(bad)} does not break the auth routes`, async ({ request }) => {
    const cookie = `next-auth.callback-url=${bad === "%ZZ" ? bad : encodeURIComponent(bad)}`;
    for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
      const res = await request.get(`${BASE_URL}${path}`, { headers: { cookie }, maxRedirects: 0 });
      expect(res.status(), path).toBe(200);
    }
    const session = await request.get(`${BASE_URL}/api/auth/session`, { headers: { cookie }, maxRedirects: 0 });
    const setCookie = session
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    expect(
      setCookie.some((c) => /^next-auth\.callback-url=[^;]*(%2F|\/)triage;/.test(c)),
      setCookie.join(" | "),
    ).toBe(true);
    const signIn = await request.get(`${BASE_URL}/api/auth/signin`, { headers: { cookie }, maxRedirects: 0 });
    expect(signIn.status()).toBeLessThan(500);
    expect(signIn.headers().location ?? "").not.toContain("error=Configuration");
  });
}

test("a garbage session cookie is a 401 on the API and the login page for a page", async ({ request }) => {
  const cookie = "next-auth.session-token=%ZZ.garbage.";
  const api = await request.get(`${BASE_URL}/api/incidents`, { headers: { cookie } });
  expect(api.status()).toBe(401);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  const page = await request.get(`${BASE_URL}/triage`, { headers: { cookie }, maxRedirects: 0 });
  expect(page.status()).toBeLessThan(400);
  expect(page.status()).toBeGreaterThanOrEqual(300);
  expect(page.headers().location ?? "").toContain("/login");
});
