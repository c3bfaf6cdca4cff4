import { getImpactSettings, updateImpactSettings } from "@/lib/impact/impact-settings.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getImpactSettings(actor)));

export const PUT = authedRoute(async ({ req, actor }) => json(await updateImpactSettings(actor, await readJson(req))));
