"use client";
import { useState, type FormEvent } from "react";
import { useApiSubmit } from "@/components/api/use-api-submit.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/field.tsx";
import { MIN_PASSWORD_LENGTH } from "@/lib/people/schemas.ts";
import { signInAndGo } from "./sign-in-after.ts";

interface Props {
  purpose: "invitation" | "password_reset";
  token: string;
  email: string;
  name: string;
}

/** Accepting an invitation (name and password) or using a reset link (password); then signed in. */
export function RedeemLinkForm({ purpose, token, email, name }: Props) {
  const { errors, failure, busy, send } = useApiSubmit();
  const [signInError, setSignInError] = useState<string | null>(null);
  const isInvitation = purpose === "invitation";

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const password = String(f.get("password") ?? "");
    const body = isInvitation ? { token, name: String(f.get("name") ?? ""), password } : { token, password };
    const done = await send<{ email: string }>(isInvitation ? "/api/invitations/accept" : "/api/password-resets", { method: "POST", body });
    if (done) setSignInError(await signInAndGo(done.email, password, "/triage"));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-line bg-surface p-6">
      <p className="text-sm">
        Signing in as <strong className="font-medium">{email}</strong>
      </p>
      {isInvitation ? (
        <Field label="Your name" htmlFor="name" error={errors.name} hint="As others see you in incident rooms">
          <Input id="name" name="name" defaultValue={name} required autoComplete="name" autoFocus />
        </Field>
      ) : null}
      <Field
        label={isInvitation ? "Password" : "New password"}
        htmlFor="password"
        error={errors.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters`}
      >
        <Input
          id="password"
          name="password"
          type="password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          autoFocus={!isInvitation}
        />
      </Field>
      {failure || signInError ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {failure ?? signInError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Saving…" : isInvitation ? "Join and sign in" : "Set password and sign in"}
      </Button>
    </form>
  );
}
