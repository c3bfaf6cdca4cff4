import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { TeamForm } from "@/components/catalog/team-form.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listMembers } from "@/lib/users/list-members.ts";

export const metadata: Metadata = { title: "New team · Catalog" };

export default async function NewTeamPage() {
  const actor = await getPageActor("/catalog/teams/new");
  if (!can(actor.role, "catalog:edit")) redirect("/catalog");
  const people = await listMembers(actor);
  return (
    <main className="mx-auto w-full max-w-4xl space-y-6 p-4 sm:p-6">
      <div>
        <p className="text-sm text-ink-muted">
          <Link href="/catalog" className="hover:underline">
            Catalog
          </Link>{" "}
          / New team
        </p>
        <h1 className="text-xl font-semibold">New team</h1>
        <p className="text-sm text-ink-muted">A team owns services and is who the war room tells when they are hit: say how to reach it.</p>
      </div>
      <div className="rounded-lg border border-line bg-surface p-4 sm:p-6">
        <TeamForm people={people} />
      </div>
    </main>
  );
}
