import { listEvents } from "@/lib/timeline/list-events.ts";
import { postEvent } from "@/lib/timeline/post-event.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ req, actor, params }) => {
  const query = Object.fromEntries(req.nextUrl.searchParams.entries());
  return json(await listEvents(actor, params.id, query));
});

// 201 for a new entry; 200 with the stored entry when the same clientId was already posted.
export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) => {
  const { event, created } = await postEvent(actor, params.id, await readJson(req));
  return json(event, created ? 201 : 200);
});
