import { getIncidentOrThrow } from "@/lib/incident-record/get-incident.ts";
import { updateIncident } from "@/lib/incidents/update-incident.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getIncidentOrThrow(actor, params.id)));

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updateIncident(actor, params.id, await readJson(req))),
);
