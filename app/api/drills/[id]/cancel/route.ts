import { cancelDrill } from "@/lib/drills/cancel-drill.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** POST: stops a running drill; its practice incident is resolved. */
export const POST = authedRoute<{ id: string }>(async ({ actor, params }) => json(await cancelDrill(actor, params.id)));
