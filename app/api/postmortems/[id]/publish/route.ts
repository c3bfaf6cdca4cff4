import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { publishPostmortem } from "@/lib/postmortems/publish-postmortem.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ actor, params }) => json(await publishPostmortem(actor, params.id)));
