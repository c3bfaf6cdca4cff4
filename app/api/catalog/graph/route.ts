import { getCatalogGraph } from "@/lib/catalog/get-catalog-graph.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getCatalogGraph(actor)));
