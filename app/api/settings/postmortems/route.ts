import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { getPostmortemSettings } from "@/lib/postmortems/get-postmortem-settings.ts";
import { setPostmortemTemplateDefaults } from "@/lib/postmortems/set-postmortem-template-defaults.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getPostmortemSettings(actor)));

export const PUT = authedRoute(async ({ req, actor }) => json(await setPostmortemTemplateDefaults(actor, await readJson(req))));
