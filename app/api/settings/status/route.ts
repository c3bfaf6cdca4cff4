import { getStatusSettings } from "@/lib/status/get-status-settings.ts";
import { setStatusSettings } from "@/lib/status/set-status-settings.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getStatusSettings(actor)));

export const PATCH = authedRoute(async ({ req, actor }) => json(await setStatusSettings(actor, await readJson(req))));
