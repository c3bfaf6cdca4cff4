import { createIntegration } from "@/lib/integrations/create-integration.ts";
import { listIntegrations } from "@/lib/integrations/list-integrations.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ integrations: await listIntegrations(actor) }));

export const POST = authedRoute(async ({ req, actor }) => json(await createIntegration(actor, await readJson(req)), 201));
