import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/people/auth-shell.tsx";
import { SetupForm } from "@/components/people/setup-form.tsx";
import { needsSetup } from "@/lib/people/needs-setup.ts";

export const metadata: Metadata = { title: "Set up Warroom" };
export const dynamic = "force-dynamic";

// Open only while no organisation exists; afterwards it leads to the login page for good.
export default async function SetupPage() {
  if (!(await needsSetup())) redirect("/login");
  return (
    <AuthShell title="Set up Warroom for your team" wide>
      <p className="text-sm text-ink-muted">
        Nobody has set up this Warroom yet. Name your organisation and create the first admin; you then invite everyone else from Settings →
        People.
      </p>
      <SetupForm />
    </AuthShell>
  );
}
