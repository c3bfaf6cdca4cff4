import type { Metadata } from "next";
import { CatalogBrowser } from "@/components/catalog/catalog-browser.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { filtersFromParams } from "@/lib/catalog/filter-services.ts";
import { listCatalogServices } from "@/lib/catalog/list-catalog-services.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";

export const metadata: Metadata = { title: "Catalog" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogPage({ searchParams }: Props) {
  const actor = await getPageActor("/catalog");
  const [services, teams] = await Promise.all([listCatalogServices(actor), listTeams(actor)]);
  return (
    <CatalogBrowser
      services={services}
      teams={teams}
      canEdit={can(actor.role, "catalog:edit")}
      initialFilters={filtersFromParams(await searchParams)}
    />
  );
}
