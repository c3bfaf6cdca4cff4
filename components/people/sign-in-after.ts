"use client";
import { signIn } from "next-auth/react";

/** After setup, joining or a password change: the same sign-in the login form makes, then go on. */
export async function signInAndGo(email: string, password: string, to: string): Promise<string | null> {
  const result = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
  if (!result?.ok || result.error) return "Your password is set, but signing in failed: sign in on the login page.";
  window.location.assign(to);
  return null;
}
