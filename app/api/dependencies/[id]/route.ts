import { removeDependency } from "@/lib/catalog/remove-dependency.ts";
import { updateDependency } from "@/lib/catalog/update-dependency.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updateDependency(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await removeDependency(actor, params.id)));
