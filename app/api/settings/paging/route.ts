import { getPagingSettings } from "@/lib/paging/get-paging-settings.ts";
import { setPagingSettings } from "@/lib/paging/set-paging-settings.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getPagingSettings(actor)));

export const PATCH = authedRoute(async ({ req, actor }) => json(await setPagingSettings(actor, await readJson(req))));
