import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentRoom } from "@/components/timeline/incident-room.tsx";
import { getPageActor } from "@/lib/auth/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getIncidentOrThrow } from "@/lib/incidents/get-incident.ts";
import { listEvents } from "@/lib/timeline/list-events.ts";

type Params = { params: Promise<{ id: string }> };

async function load(id: string) {
  const actor = await getPageActor(`/incidents/${id}`);
  try {
    const incident = await getIncidentOrThrow(actor, id);
    const page = await listEvents(actor, id, { limit: 200 });
    return { actor, incident, page };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { incident } = await load((await params).id);
  return { title: `${incident.ref} ${incident.severity} · ${incident.title}` };
}

export default async function IncidentRoomPage({ params }: Params) {
  const { actor, incident, page } = await load((await params).id);
  return <IncidentRoom incident={incident} events={page.events} hasOlder={page.hasMore} canPost={can(actor.role, "timeline:post")} />;
}
