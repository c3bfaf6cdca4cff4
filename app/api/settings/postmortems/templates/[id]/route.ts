import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { deletePostmortemTemplate } from "@/lib/postmortems/delete-postmortem-template.ts";
import { updatePostmortemTemplate } from "@/lib/postmortems/update-postmortem-template.ts";

export const dynamic = "force-dynamic";

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updatePostmortemTemplate(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await deletePostmortemTemplate(actor, params.id)));
