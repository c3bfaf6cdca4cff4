// Issue #16, finding 2: /login?callbackUrl=/%5Cevil.example/phish sent the browser off-site after
// a correct sign-in. The page hands the form only same-origin paths.
import { isValidElement, type ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import LoginPage from "../../app/(auth)/login/page.tsx";
import { safeCallbackPath, safeRedirectUrl } from "../../lib/auth/safe-callback-url.ts";
import { seedOrganization } from "../helpers/seed.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";

// The page sends a fresh install to /setup first: an organisation exists here.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedOrganization();
});
afterAll(() => testDb.close());

/** The callbackUrl prop the page gives its form. */
function callbackOf(node: ReactNode): string | undefined {
  if (!isValidElement(node)) return undefined;
  const props = node.props as { callbackUrl?: string; children?: ReactNode };
  if (typeof props.callbackUrl === "string") return props.callbackUrl;
  for (const child of ([] as ReactNode[]).concat(props.children ?? [])) {
    const found = callbackOf(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

// As Next hands them to the page: already percent-decoded.
const OFF_SITE = [
  "/\\evil.example/phish",
  "/\t/evil.example/phish",
  "/\\/evil.example",
  "//evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "/\n/evil.example",
];

describe("where sign-in sends you", () => {
  for (const value of OFF_SITE) {
    it(`never off-site: ${JSON.stringify(value)}`, async () => {
      const page = await LoginPage({ searchParams: Promise.resolve({ callbackUrl: value }) });
      expect(callbackOf(page)).toBe("/triage");
      expect(safeCallbackPath(value)).toBe("/triage");
      expect(safeRedirectUrl(value, "https://warroom.example.com")).toBe("https://warroom.example.com/");
    });
  }

  it("keeps a same-origin path with its query and hash", async () => {
    const page = await LoginPage({ searchParams: Promise.resolve({ callbackUrl: "/incidents/7f3c?tab=timeline#entry-12" }) });
    expect(callbackOf(page)).toBe("/incidents/7f3c?tab=timeline#entry-12");
    expect(safeRedirectUrl("/incidents/7f3c", "https://warroom.example.com")).toBe("https://warroom.example.com/incidents/7f3c");
  });
});
