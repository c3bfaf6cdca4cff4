import { getIncidentBlastRadius } from "@/lib/incidents/get-blast-radius.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getIncidentBlastRadius(actor, params.id)));
