import { test as base, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { authFile, type DemoRole } from "./auth.ts";
import { BASE_URL } from "./env.ts";

interface Fixtures {
  /** An API client signed in as a demo role (or signed out with `null`); disposed after the test. */
  apiAs: (role: DemoRole | null) => Promise<APIRequestContext>;
  /** A fresh browser context and page signed in as a demo role; closed after the test. */
  pageAs: (role: DemoRole) => Promise<{ context: BrowserContext; page: Page }>;
}

export const test = base.extend<Fixtures>({
  apiAs: async ({ playwright }, provide) => {
    const made: APIRequestContext[] = [];
    await provide(async (role) => {
      const api = await playwright.request.newContext({ baseURL: BASE_URL, storageState: role ? authFile(role) : undefined });
      made.push(api);
      return api;
    });
    await Promise.all(made.map((api) => api.dispose()));
  },
  pageAs: async ({ browser }, provide) => {
    const made: BrowserContext[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ storageState: authFile(role) });
      made.push(context);
      return { context, page: await context.newPage() };
    });
    await Promise.all(made.map((context) => context.close()));
  },
});

export { expect } from "@playwright/test";
