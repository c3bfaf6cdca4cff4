import { getIncidentImpact } from "@/lib/impact/get-incident-impact.ts";
import { setIncidentImpact } from "@/lib/incidents/set-incident-impact.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getIncidentImpact(actor, params.id)));

export const PUT = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await setIncidentImpact(actor, params.id, await readJson(req))),
);
