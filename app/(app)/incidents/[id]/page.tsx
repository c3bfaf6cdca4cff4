import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { IncidentRoom } from "@/components/timeline/incident-room.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listServices } from "@/lib/catalog/list-services.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";
import { getDrill } from "@/lib/drills/get-drill.ts";
import { listStakeholderUpdates } from "@/lib/stakeholder/list-stakeholder-updates.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getIncidentOrThrow } from "@/lib/incident-record/get-incident.ts";
import { listEvents } from "@/lib/timeline/list-events.ts";
import { listMembers } from "@/lib/users/list-members.ts";

type Params = { params: Promise<{ id: string }> };

// One load per request, shared by the page and its metadata.
const load = cache(async (id: string) => {
  const actor = await getPageActor(`/incidents/${id}`);
  try {
    const incident = await getIncidentOrThrow(actor, id);
    const [page, members, services, updates, teams, drill] = await Promise.all([
      listEvents(actor, id, { limit: 200 }),
      listMembers(actor),
      listServices(actor),
      listStakeholderUpdates(actor, id),
      listTeams(actor),
      incident.drillId ? getDrill(actor, incident.drillId) : null,
    ]);
    return { actor, incident, page, members, services, teams: teams.map((t) => ({ id: t.id, name: t.name })), stakeholderUpdate: updates[0] ?? null, drill };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { incident } = await load((await params).id);
  return { title: `${incident.ref} ${incident.severity} · ${incident.title}` };
}

export default async function IncidentRoomPage({ params }: Params) {
  const { actor, incident, page, members, services, teams, stakeholderUpdate, drill } = await load((await params).id);
  return (
    <IncidentRoom
      incident={incident}
      events={page.events}
      hasOlder={page.hasMore}
      canPost={can(actor.role, "timeline:post")}
      viewer={{ userId: actor.userId, role: actor.role }}
      members={members}
      services={services}
      teams={teams}
      stakeholderUpdate={stakeholderUpdate}
      drill={drill}
    />
  );
}
