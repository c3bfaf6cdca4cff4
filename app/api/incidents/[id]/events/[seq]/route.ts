import { amendEvent } from "@/lib/timeline/amend-event.ts";
import { getEvent } from "@/lib/timeline/get-event.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

type Params = { id: string; seq: string };

export const GET = authedRoute<Params>(async ({ actor, params }) => json(await getEvent(actor, params.id, params.seq)));

// Correction, action outcome, hypothesis state or acknowledgement: { entry, amendment }.
export const PATCH = authedRoute<Params>(async ({ req, actor, params }) =>
  json(await amendEvent(actor, params.id, params.seq, await readJson(req))),
);
