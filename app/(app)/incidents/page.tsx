import type { Metadata } from "next";
import { IncidentList } from "@/components/incidents/incident-list.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listIncidents } from "@/lib/incidents/list-incidents.ts";
import { ZIncludeDrills } from "@/lib/incident-record/include-drills.ts";

export const metadata: Metadata = { title: "Incidents" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getPageActor("/incidents");
  const includeDrills = ZIncludeDrills.parse((await searchParams).drills);
  const incidents = await listIncidents(actor, { drills: includeDrills ? "include" : undefined });
  return (
    <IncidentList
      key={String(includeDrills)}
      initial={incidents}
      canDeclare={can(actor.role, "incident:declare")}
      includeDrills={includeDrills}
    />
  );
}
