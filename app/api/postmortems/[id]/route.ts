import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { getPostmortem } from "@/lib/postmortems/get-postmortem.ts";
import { updatePostmortem } from "@/lib/postmortems/update-postmortem.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getPostmortem(actor, params.id)));

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updatePostmortem(actor, params.id, await readJson(req))),
);
