import { deleteTeam } from "@/lib/catalog/delete-team.ts";
import { getTeam } from "@/lib/catalog/get-team.ts";
import { updateTeam } from "@/lib/catalog/update-team.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getTeam(actor, params.id)));

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updateTeam(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await deleteTeam(actor, params.id)));
