import { deleteActionItem } from "@/lib/action-items/delete-action-item.ts";
import { updateActionItem } from "@/lib/action-items/update-action-item.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updateActionItem(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await deleteActionItem(actor, params.id)));
