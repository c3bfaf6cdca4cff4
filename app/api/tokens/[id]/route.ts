import { revokeApiToken } from "@/lib/people/api-tokens.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => json(await revokeApiToken(actor, params.id)));
