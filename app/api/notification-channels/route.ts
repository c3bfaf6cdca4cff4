import { createChannel } from "@/lib/outbound/create-channel.ts";
import { listChannels } from "@/lib/outbound/list-channels.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ channels: await listChannels(actor) }));

export const POST = authedRoute(async ({ req, actor }) => json(await createChannel(actor, await readJson(req)), 201));
