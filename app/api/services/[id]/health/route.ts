import { getServiceHealth } from "@/lib/catalog/get-service-health.ts";
import { reportHealth } from "@/lib/catalog/report-health.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getServiceHealth(actor, params.id)));

export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await reportHealth(actor, params.id, await readJson(req))),
);
