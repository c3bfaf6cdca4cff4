import { pinEvent } from "@/lib/timeline/pin-event.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string; seq: string }>(async ({ req, actor, params }) =>
  json(await pinEvent(actor, params.id, params.seq, await readJson(req))),
);
