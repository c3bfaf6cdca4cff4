import { endDrill } from "@/lib/drills/end-drill.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** POST: end the drill (resolving its practice incident) and answer the scored report. */
export const POST = authedRoute<{ id: string }>(async ({ actor, params }) => json(await endDrill(actor, params.id)));
