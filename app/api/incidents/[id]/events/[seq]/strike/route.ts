import { restoreEvent, strikeEvent } from "@/lib/timeline/strike-event.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

type Params = { id: string; seq: string };

export const POST = authedRoute<Params>(async ({ req, actor, params }) =>
  json(await strikeEvent(actor, params.id, params.seq, await readJson(req))),
);

// Takes the strike-through back.
export const DELETE = authedRoute<Params>(async ({ actor, params }) => json(await restoreEvent(actor, params.id, params.seq)));
