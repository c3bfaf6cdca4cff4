import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ServiceDetail } from "@/components/catalog/service-detail.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listServices } from "@/lib/catalog/list-services.ts";
import { getService } from "@/lib/catalog/get-service.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";
import { AppError } from "@/lib/errors/app-error.ts";

type Params = { params: Promise<{ id: string }> };

// One load per request, shared by the page and its metadata.
const load = cache(async (id: string) => {
  const actor = await getPageActor(`/catalog/services/${id}`);
  try {
    const [service, services, teams] = await Promise.all([getService(actor, id), listServices(actor), listTeams(actor)]);
    return { actor, service, services, teams: teams.map((t) => ({ id: t.id, name: t.name })) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { service } = await load((await params).id);
  return { title: `${service.name} · Catalog` };
}

export default async function ServicePage({ params }: Params) {
  const { actor, service, services, teams } = await load((await params).id);
  return <ServiceDetail service={service} services={services} teams={teams} canEdit={can(actor.role, "catalog:edit")} />;
}
