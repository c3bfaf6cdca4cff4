import type { Metadata } from "next";
import { IncidentList } from "@/components/incidents/incident-list.tsx";
import { getPageActor } from "@/lib/auth/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listIncidents } from "@/lib/incidents/list-incidents.ts";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const actor = await getPageActor("/incidents");
  const incidents = await listIncidents(actor);
  return <IncidentList initial={incidents} canDeclare={can(actor.role, "incident:declare")} />;
}
