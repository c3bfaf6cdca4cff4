import { setIncidentRole } from "@/lib/incidents/set-incident-role.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await setIncidentRole(actor, params.id, await readJson(req))),
);
