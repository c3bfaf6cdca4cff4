import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ServiceForm } from "@/components/catalog/service-form.tsx";
import { buttonClasses } from "@/components/ui/button.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";

export const metadata: Metadata = { title: "New service · Catalog" };

type Props = { searchParams: Promise<{ teamId?: string | string[] }> };

export default async function NewServicePage({ searchParams }: Props) {
  const actor = await getPageActor("/catalog/services/new");
  if (!can(actor.role, "catalog:edit")) redirect("/catalog");
  const teams = await listTeams(actor);
  const wanted = (await searchParams).teamId;
  const defaultTeamId = teams.find((t) => t.id === wanted)?.id ?? "";
  return (
    <main className="mx-auto w-full max-w-3xl space-y-6 p-4 sm:p-6">
      <div>
        <p className="text-sm text-ink-muted">
          <Link href="/catalog" className="hover:underline">
            Catalog
          </Link>{" "}
          / New service
        </p>
        <h1 className="text-xl font-semibold">New service</h1>
        <p className="text-sm text-ink-muted">
          An API, system or feed that a customer journey relies on. Add its dependencies once it exists.
        </p>
      </div>
      {teams.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-8 text-center">
          <p className="font-medium">Every service needs an owning team, and there are none yet.</p>
          <Link href="/catalog/teams/new" className={`${buttonClasses("primary", "sm")} mt-4`}>
            Create a team first
          </Link>
        </div>
      ) : (
        <div className="rounded-lg border border-line bg-surface p-4 sm:p-6">
          <ServiceForm teams={teams.map((t) => ({ id: t.id, name: t.name }))} defaultTeamId={defaultTeamId} />
        </div>
      )}
    </main>
  );
}
