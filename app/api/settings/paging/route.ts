import { getPagingSettings, setPagingSettings } from "@/lib/paging/settings.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getPagingSettings(actor)));

export const PATCH = authedRoute(async ({ req, actor }) => json(await setPagingSettings(actor, await readJson(req))));
