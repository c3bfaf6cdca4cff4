"use client";
import type { FormEvent } from "react";
import { useApiSubmit } from "@/components/api/use-api-submit.ts";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions.ts";
import type { InvitationResult } from "@/lib/people/invite-person.ts";
import { Button } from "../ui/button.tsx";
import { Field, Input, Select } from "../ui/field.tsx";

export function InviteForm({ onInvited }: { onInvited: (result: InvitationResult) => void }) {
  const { errors, failure, busy, send } = useApiSubmit();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const result = await send<InvitationResult>("/api/people/invitations", {
      method: "POST",
      body: { email: String(f.get("email") ?? ""), role: String(f.get("role") ?? "") },
    });
    if (result) {
      form.reset();
      onInvited(result);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="invite-heading"
      className="space-y-3 rounded-lg border border-line bg-surface p-4"
    >
      <h3 id="invite-heading" className="font-semibold">
        Invite someone
      </h3>
      <div className="grid grid-cols-1 items-start gap-3 sm:grid-cols-[1fr_11rem_auto]">
        <Field label="Email" htmlFor="invite-email" error={errors.email}>
          <Input id="invite-email" name="email" type="email" required placeholder="ana@shop.example" />
        </Field>
        <Field label="Role" htmlFor="invite-role" error={errors.role}>
          <Select id="invite-role" name="role" defaultValue="RESPONDER">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={busy} className="sm:mt-[1.625rem]">
          {busy ? "Inviting…" : "Invite"}
        </Button>
      </div>
      {failure ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
