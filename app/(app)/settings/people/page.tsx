import type { Metadata } from "next";
import { PeopleManager } from "@/components/people/people-manager.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listPeople } from "@/lib/people/list-people.ts";

export const metadata: Metadata = { title: "People · Settings" };

export default async function PeoplePage() {
  const actor = await getPageActor("/settings/people");
  if (!can(actor.role, "org:admin"))
    return <p className="text-sm text-ink-muted">Only admins manage people. Ask an admin to invite someone or change a role.</p>;
  return <PeopleManager initial={await listPeople(actor)} selfId={actor.userId} />;
}
