import { setImpactedServices } from "@/lib/incidents/set-impacted-services.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const PUT = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await setImpactedServices(actor, params.id, await readJson(req))),
);
