import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { requestReview } from "@/lib/postmortems/request-review.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await requestReview(actor, params.id, await readJson(req))),
);
