"use client";
import { useState, type FormEvent } from "react";
import { useApiSubmit } from "@/components/api/use-api-submit.ts";
import { Button } from "@/components/ui/button.tsx";
import { Field, Input } from "@/components/ui/field.tsx";
import { MIN_PASSWORD_LENGTH } from "@/lib/people/schemas.ts";
import { signInAndGo } from "./sign-in-after.ts";

const browserZone = () => (typeof Intl === "undefined" ? "UTC" : Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");

export function SetupForm() {
  const { errors, failure, busy, send } = useApiSubmit();
  const [signInError, setSignInError] = useState<string | null>(null);
  const [zone] = useState(browserZone);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? "");
    const admin = { name: get("adminName"), email: get("email"), password: get("password") };
    const done = await send<unknown>("/api/setup", {
      method: "POST",
      body: { organization: { name: get("orgName"), currency: get("currency"), timeZone: get("timeZone") }, admin },
    });
    if (done) setSignInError(await signInAndGo(admin.email, admin.password, "/settings/people"));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 rounded-lg border border-line bg-surface p-6">
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">Your organisation</legend>
        <Field label="Name" htmlFor="orgName" error={errors["organization.name"]}>
          <Input id="orgName" name="orgName" required autoFocus autoComplete="organization" />
        </Field>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-[8rem_1fr]">
          <Field label="Currency" htmlFor="currency" error={errors["organization.currency"]} hint="ISO code, e.g. EUR">
            <Input id="currency" name="currency" defaultValue="USD" maxLength={3} className="uppercase" />
          </Field>
          <Field label="Time zone" htmlFor="timeZone" error={errors["organization.timeZone"]} hint="Traffic hours and times are read in it">
            <Input id="timeZone" name="timeZone" defaultValue={zone} />
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="mb-2 font-semibold">The first admin (you)</legend>
        <Field label="Your name" htmlFor="adminName" error={errors["admin.name"]}>
          <Input id="adminName" name="adminName" required autoComplete="name" />
        </Field>
        <Field label="Email" htmlFor="email" error={errors["admin.email"]}>
          <Input id="email" name="email" type="email" required autoComplete="username" />
        </Field>
        <Field label="Password" htmlFor="password" error={errors["admin.password"]} hint={`At least ${MIN_PASSWORD_LENGTH} characters`}>
          <Input id="password" name="password" type="password" required minLength={MIN_PASSWORD_LENGTH} autoComplete="new-password" />
        </Field>
      </fieldset>
      {failure || signInError ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {failure ?? signInError}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? "Setting up…" : "Create organisation and sign in"}
      </Button>
    </form>
  );
}
