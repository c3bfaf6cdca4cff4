import { createActionItem } from "@/lib/action-items/create-action-item.ts";
import { listPostmortemActionItems } from "@/lib/action-items/list-action-items.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await listPostmortemActionItems(actor, params.id)));

export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await createActionItem(actor, params.id, await readJson(req)), 201),
);
