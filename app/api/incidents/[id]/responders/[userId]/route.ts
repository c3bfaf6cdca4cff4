import { setResponder } from "@/lib/incidents/set-incident-role.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const DELETE = authedRoute<{ id: string; userId: string }>(async ({ actor, params }) =>
  json(await setResponder(actor, params.id, { userId: params.userId }, false)),
);
