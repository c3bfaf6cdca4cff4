import { deleteService } from "@/lib/catalog/delete-service.ts";
import { getService } from "@/lib/catalog/get-service.ts";
import { updateService } from "@/lib/catalog/update-service.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getService(actor, params.id)));

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updateService(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await deleteService(actor, params.id)));
