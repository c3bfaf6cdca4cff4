import { deleteChannel } from "@/lib/outbound/delete-channel.ts";
import { getChannel } from "@/lib/outbound/get-channel.ts";
import { updateChannel } from "@/lib/outbound/update-channel.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getChannel(actor, params.id)));

export const PATCH = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await updateChannel(actor, params.id, await readJson(req))),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await deleteChannel(actor, params.id)));
