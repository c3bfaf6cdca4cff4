import { deleteIntegration } from "@/lib/integrations/delete-integration.ts";
import { getIntegration } from "@/lib/integrations/get-integration.ts";
import { updateIntegration } from "@/lib/integrations/update-integration.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getIntegration(actor, params.id)));

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updateIntegration(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await deleteIntegration(actor, params.id)));
