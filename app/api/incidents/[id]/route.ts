import { getIncidentOrThrow } from "@/lib/incidents/get-incident.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json(await getIncidentOrThrow(actor, params.id)),
);
