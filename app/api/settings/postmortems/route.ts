import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { getPostmortemSettings, setPostmortemTemplateDefaults } from "@/lib/postmortems/template-settings.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getPostmortemSettings(actor)));

export const PUT = authedRoute(async ({ req, actor }) => json(await setPostmortemTemplateDefaults(actor, await readJson(req))));
