import { listServices } from "@/lib/catalog/list-services.ts";
import { createService } from "@/lib/catalog/create-service.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ services: await listServices(actor) }));

export const POST = authedRoute(async ({ req, actor }) => json(await createService(actor, await readJson(req)), 201));
