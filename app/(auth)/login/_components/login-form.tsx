"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/field.tsx";
import { ACCOUNT_LOCKED, LOCK_MINUTES, RATE_LIMITED } from "@/lib/auth/login-policy.ts";
import { safeCallbackPath } from "@/lib/auth/safe-callback-url.ts";

/** What to tell a person whose sign-in did not work; never which part was wrong. */
function signInMessage(result: { error?: string | null; status?: number } | null | undefined): string {
  if (!result) return "Cannot reach the server. Check your connection and try again.";
  if (result.error === ACCOUNT_LOCKED) return `Too many wrong passwords: this account is locked for ${LOCK_MINUTES} minutes.`;
  if (result.error === RATE_LIMITED || result.status === 429)
    return "Too many sign-in attempts from this network. Wait a few minutes and try again.";
  return "Wrong email or password.";
}

export function LoginForm({ callbackUrl, ssoName, initialError }: { callbackUrl: string; ssoName: string | null; initialError?: string }) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    if (result?.ok && !result.error) {
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setBusy(false);
    setError(signInMessage(result));
  }

  return (
    <div className="space-y-4 rounded-lg border border-line bg-surface p-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field label="Email" htmlFor="email">
          <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password" htmlFor="password">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        {error ? (
          <p role="alert" className="text-sm font-medium text-sev1">
            {error}
          </p>
        ) : null}
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {ssoName ? (
        <Button variant="secondary" className="w-full" onClick={() => void signIn("oidc", { callbackUrl })}>
          Continue with {ssoName}
        </Button>
      ) : null}
    </div>
  );
}
