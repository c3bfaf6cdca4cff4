import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { reviewPostmortem } from "@/lib/postmortems/review-postmortem.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await reviewPostmortem(actor, params.id, await readJson(req))),
);
