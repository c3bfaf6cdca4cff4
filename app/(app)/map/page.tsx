import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceMap } from "@/components/catalog/map/service-map.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { getCatalogGraph } from "@/lib/catalog/get-catalog-graph.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { getIncidentOrThrow } from "@/lib/incident-record/get-incident.ts";

type Props = { searchParams: Promise<{ incident?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: (await searchParams).incident ? "Blast radius map" : "Dependency map" };
}

export default async function MapPage({ searchParams }: Props) {
  const { incident: incidentParam } = await searchParams;
  const incidentId = typeof incidentParam === "string" && incidentParam ? incidentParam : null;
  const actor = await getPageActor(incidentId ? `/map?incident=${encodeURIComponent(incidentId)}` : "/map");
  const [graph, incident] = await Promise.all([
    getCatalogGraph(actor),
    incidentId
      ? getIncidentOrThrow(actor, incidentId).catch((error: unknown) => {
          if (error instanceof AppError && error.code === "not_found") notFound();
          throw error;
        })
      : null,
  ]);
  return <ServiceMap initialGraph={graph} initialIncident={incident} />;
}
