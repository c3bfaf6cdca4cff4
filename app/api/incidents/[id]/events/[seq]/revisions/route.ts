import { listRevisions } from "@/lib/timeline/list-revisions.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string; seq: string }>(async ({ actor, params }) =>
  json(await listRevisions(actor, params.id, params.seq)),
);
