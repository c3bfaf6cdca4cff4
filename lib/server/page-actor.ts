import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "../errors/app-error.ts";
import { needsSetup } from "../people/needs-setup.ts";
import { resolveActor } from "../auth/resolve-actor.ts";
import { type Actor } from "../auth/actor.ts";
import { sessionFromCookieHeader } from "../auth/session-token.ts";

// The app layout and the page both ask for the actor on every render; React's per-request cache
// decodes the session and reads the user once per request (a new request reads them again, so a
// deactivated user or an ended session still stops at the next page).
const currentActor = cache(async (): Promise<{ actor: Actor } | { signedOut: true } | { ended: true }> => {
  const session = await sessionFromCookieHeader((await headers()).get("cookie"));
  if (!session) return { signedOut: true };
  try {
    return { actor: await resolveActor(session) };
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") return { ended: true };
    throw error;
  }
});

/** For pages: the signed-in actor, or a redirect to the login page. */
export async function getPageActor(returnTo?: string): Promise<Actor> {
  const current = await currentActor();
  if ("actor" in current) return current.actor;
  const login = returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
  if ("signedOut" in current) redirect((await needsSetup()) ? "/setup" : login);
  redirect(login);
}
