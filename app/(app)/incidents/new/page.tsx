import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeclareIncidentForm } from "@/components/incidents/declare-incident-form.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";

export const metadata: Metadata = { title: "Declare incident" };

export default async function NewIncidentPage() {
  const actor = await getPageActor("/incidents/new");
  if (!can(actor.role, "incident:declare")) redirect("/incidents");
  return (
    <main className="mx-auto w-full max-w-2xl space-y-6 p-6">
      <div>
        <h1 className="text-xl font-semibold">Declare an incident</h1>
        <p className="text-sm text-ink-muted">
          You become incident commander; hand over command from the room. A room opens for everyone at once.
        </p>
      </div>
      <DeclareIncidentForm />
    </main>
  );
}
