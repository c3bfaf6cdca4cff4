import { listServices } from "@/lib/catalog/list-services.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ services: await listServices(actor) }));
