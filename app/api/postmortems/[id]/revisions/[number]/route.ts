import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { getPostmortemRevision } from "@/lib/postmortems/get-postmortem.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string; number: string }>(async ({ actor, params }) =>
  json(await getPostmortemRevision(actor, params.id, params.number)),
);
