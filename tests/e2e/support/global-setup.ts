// Signs every demo role in once over HTTP and saves its cookies; specs reuse them via storageState.
import { mkdirSync } from "node:fs";
import { request } from "@playwright/test";
import { authFile, DEMO_PASSWORD, DEMO_ROLES, DEMO_USERS, signInOverHttp } from "./auth.ts";
import { AUTH_DIR, BASE_URL } from "./env.ts";

export default async function globalSetup(): Promise<void> {
  mkdirSync(AUTH_DIR, { recursive: true });
  for (const role of DEMO_ROLES) {
    const context = await request.newContext({ baseURL: BASE_URL });
    try {
      await signInOverHttp(context, DEMO_USERS[role].email, DEMO_PASSWORD);
      await context.storageState({ path: authFile(role) });
    } finally {
      await context.dispose();
    }
  }
}
