import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { listPostmortems } from "@/lib/postmortems/list-postmortems.ts";

export const dynamic = "force-dynamic";

/** GET ?q=&status=&severity=&serviceId=&teamId=&journey=&from=&to=: the post-mortem library. */
export const GET = authedRoute(async ({ req, actor }) => json(await listPostmortems(actor, Object.fromEntries(req.nextUrl.searchParams))));
