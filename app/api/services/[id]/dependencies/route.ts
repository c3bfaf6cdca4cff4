import { addDependency } from "@/lib/catalog/add-dependency.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** "This service depends on toId": 201 when added, 200 when it existed (its flags updated). */
export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { dependency, created } = await addDependency(actor, params.id, await readJson(req));
  return json(dependency, created ? 201 : 200);
});
