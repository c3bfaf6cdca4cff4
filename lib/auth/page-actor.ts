import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "../errors/app-error.ts";
import { resolveActor, type Actor } from "./actor.ts";
import { userIdFromCookieHeader } from "./session-token.ts";

/** For pages: the signed-in actor, or a redirect to the login page. */
export async function getPageActor(returnTo?: string): Promise<Actor> {
  const userId = await userIdFromCookieHeader((await headers()).get("cookie"));
  const login = returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : "/login";
  if (!userId) redirect(login);
  try {
    return await resolveActor(userId);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") redirect(login);
    throw error;
  }
}
