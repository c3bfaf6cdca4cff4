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
import { readIncidentHeader } from "@/lib/incident-record/read-incident-header.ts";
import { listEvents } from "@/lib/timeline/list-events.ts";

type Params = { params: Promise<{ id: string }> };

// One load per request, shared by the page and its metadata. The incident in one statement (the
// join's read, held equal to getIncidentOrThrow by tests/integration/incident-header.test.ts), and
// no list of the organisation's people: the role pickers search for them as they are typed (#17).
const load = cache(async (id: string) => {
  const actor = await getPageActor(`/incidents/${id}`);
  try {
    const incident = await readIncidentHeader(actor, id);
    const [page, services, updates, teams, drill] = await Promise.all([
      listEvents(actor, id, { limit: 200 }),
      listServices(actor),
      listStakeholderUpdates(actor, id),
      listTeams(actor),
      incident.drillId ? getDrill(actor, incident.drillId) : null,
    ]);
    return {
      actor,
      incident,
      page,
      services,
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      stakeholderUpdate: updates[0] ?? null,
      drill,
    };
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
  const { actor, incident, page, services, teams, stakeholderUpdate, drill } = await load((await params).id);
  return (
    <IncidentRoom
      incident={incident}
      events={page.events}
      hasOlder={page.hasMore}
      canPost={can(actor.role, "timeline:post")}
      viewer={{ userId: actor.userId, role: actor.role }}
      services={services}
      teams={teams}
      stakeholderUpdate={stakeholderUpdate}
      drill={drill}
    />
  );
}
