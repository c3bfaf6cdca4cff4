import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { createPostmortem } from "@/lib/postmortems/create-postmortem.ts";
import { getIncidentPostmortem } from "@/lib/postmortems/get-postmortem.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getIncidentPostmortem(actor, params.id)));

// `{}` drafts from the severity's default template; `{ templateKey }` picks another.
export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { postmortem, created } = await createPostmortem(actor, params.id, await readJson(req));
  return json(postmortem, created ? 201 : 200);
});
