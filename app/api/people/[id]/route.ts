import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { updatePerson } from "@/lib/people/update-person.ts";

export const dynamic = "force-dynamic";

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updatePerson(actor, params.id, await readJson(req))),
);
