import path from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";
import { AUTH_DIR } from "./env.ts";

export const DEMO_PASSWORD = "warroom-demo";

export const DEMO_USERS = {
  admin: { email: "admin@warroom.local", name: "Ada Admin" },
  commander: { email: "commander@warroom.local", name: "Casey Commander" },
  responder: { email: "responder@warroom.local", name: "Riley Responder" },
  viewer: { email: "viewer@warroom.local", name: "Vic Viewer" },
} as const;

export type DemoRole = keyof typeof DEMO_USERS;
export const DEMO_ROLES = Object.keys(DEMO_USERS) as DemoRole[];

/** The storageState file the global setup wrote for a role. */
export function authFile(role: DemoRole): string {
  return path.join(AUTH_DIR, `${role}.json`);
}

/** Signs in through next-auth's credentials endpoint, the way the login form does, minus the clicks. */
export async function signInOverHttp(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrfRes = await request.get("/api/auth/csrf");
  expect(csrfRes.ok(), `GET /api/auth/csrf answered ${csrfRes.status()}`).toBe(true);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), `sign-in as ${email} answered ${res.status()}`).toBeLessThan(400);
  // A 200 alone proves little (next-auth answers failures with a URL too): check the session.
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `no session after signing in as ${email}`).toBe(email);
}
