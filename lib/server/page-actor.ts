import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "../errors/app-error.ts";
import { needsSetup } from "../people/needs-setup.ts";
import { resolveActor } from "../auth/resolve-actor.ts";
import { type Actor } from "../auth/actor.ts";
import { sessionFromCookieHeader } from "../auth/session-token.ts";

/** For pages: the signed-in actor, or a redirect to the login page. */
export async function getPageActor(returnTo?: string): Promise<Actor> {
  const session = await sessionFromCookieHeader((await headers()).get("cookie"));
  const login = returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
  if (!session) redirect((await needsSetup()) ? "/setup" : login);
  try {
    return await resolveActor(session);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") redirect(login);
    throw error;
  }
}
