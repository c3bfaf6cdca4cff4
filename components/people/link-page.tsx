import Link from "next/link";
import { findLink } from "@/lib/people/find-link.ts";
import { type AccessLinkPurpose } from "@/lib/people/access-link.ts";
import { linkStateMessage } from "@/lib/people/link-refusal.ts";
import { AuthShell } from "./auth-shell.tsx";
import { RedeemLinkForm } from "./redeem-link-form.tsx";

/** The page a one-time link opens: the form while it works, else what happened to it. */
export async function LinkPage({ purpose, token }: { purpose: AccessLinkPurpose; token: string }) {
  const found = token.length >= 20 && token.length <= 200 ? await findLink(token, purpose) : null;
  const state = found?.state ?? "unknown";
  const title = purpose === "invitation" ? "Join your team on Warroom" : "Set a new password";
  if (!found || state !== "valid") {
    return (
      <AuthShell title={title}>
        <div className="space-y-3 rounded-lg border border-line bg-surface p-6" data-link-state={state}>
          <p role="alert" className="font-medium">
            {linkStateMessage(purpose, state === "valid" ? "unknown" : state)}
          </p>
          <Link href="/login" className="text-sm text-accent hover:underline">
            Go to sign in
          </Link>
        </div>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={title}>
      <RedeemLinkForm purpose={purpose} token={token} email={found.email} name={found.name} />
    </AuthShell>
  );
}
