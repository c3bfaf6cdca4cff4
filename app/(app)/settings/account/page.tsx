import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/people/change-password-form.tsx";
import { ROLE_LABELS } from "@/lib/auth/permissions.ts";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { hasOwnPassword } from "@/lib/people/has-own-password.ts";

export const metadata: Metadata = { title: "Account · Settings" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await getPageActor("/settings/account");
  const changed = (await searchParams).changed === "1";
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h2 className="text-lg font-semibold">Your account</h2>
        <p className="text-sm text-ink-muted">
          {actor.name} · {actor.email} · {ROLE_LABELS[actor.role]}
        </p>
      </div>
      {changed ? (
        <p role="status" className="max-w-md rounded-md border border-ok/50 bg-ok/5 px-3 py-2 text-sm">
          Password changed. Your other sessions were signed out.
        </p>
      ) : null}
      <ChangePasswordForm email={actor.email} hasPassword={await hasOwnPassword(actor)} />
    </div>
  );
}
