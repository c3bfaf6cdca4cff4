import { listDrills } from "@/lib/drills/list-drills.ts";
import { startDrill } from "@/lib/drills/start-drill.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** GET: the organisation's drills, newest first. */
export const GET = authedRoute(async ({ actor }) => json({ drills: await listDrills(actor) }));

/** POST: starts a drill from a shipped scenario or written YAML; 201 with the drill and its practice incident. */
export const POST = authedRoute(async ({ req, actor }) => json(await startDrill(actor, await readJson(req)), 201));
