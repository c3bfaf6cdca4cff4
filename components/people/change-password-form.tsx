"use client";
import { useState, type FormEvent } from "react";
import { useApiSubmit } from "@/components/api/use-api-submit.ts";
import { MIN_PASSWORD_LENGTH } from "@/lib/people/schemas.ts";
import { Button } from "../ui/button.tsx";
import { Field, Input } from "../ui/field.tsx";
import { signInAndGo } from "./sign-in-after.ts";

/** Your own password; every other session of yours ends, this one signs in again at once. */
export function ChangePasswordForm({ email, hasPassword }: { email: string; hasPassword: boolean }) {
  const { errors, failure, busy, send } = useApiSubmit();
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const newPassword = String(f.get("newPassword") ?? "");
    const done = await send<{ ok: true }>("/api/account/password", {
      method: "PUT",
      body: { currentPassword: String(f.get("currentPassword") ?? ""), newPassword },
    });
    if (done) setMessage((await signInAndGo(email, newPassword, "/settings/account?changed=1")) ?? "Password changed.");
  }

  if (!hasPassword) return <p className="text-sm text-ink-muted">You sign in through single sign-on; your password is managed there.</p>;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="password-heading"
      className="max-w-md space-y-4 rounded-lg border border-line bg-surface p-4"
    >
      <h3 id="password-heading" className="font-semibold">
        Change your password
      </h3>
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Current password" htmlFor="currentPassword" error={errors.currentPassword}>
        <Input id="currentPassword" name="currentPassword" type="password" required autoComplete="current-password" />
      </Field>
      <Field
        label="New password"
        htmlFor="newPassword"
        error={errors.newPassword}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Your other sessions end.`}
      >
        <Input id="newPassword" name="newPassword" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
      </Field>
      {failure || message ? (
        <p role={failure ? "alert" : "status"} className={failure ? "text-sm font-medium text-sev1" : "text-sm"}>
          {failure ?? message}
        </p>
      ) : null}
      <Button type="submit" disabled={busy}>
        {busy ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
