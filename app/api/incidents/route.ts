import { declareIncident } from "@/lib/incidents/declare-incident.ts";
import { listIncidents } from "@/lib/incidents/list-incidents.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ req, actor }) =>
  json({ incidents: await listIncidents(actor, Object.fromEntries(req.nextUrl.searchParams)) }),
);

export const POST = authedRoute(async ({ req, actor }) => {
  const incident = await declareIncident(actor, await readJson(req));
  return json(incident, 201);
});
