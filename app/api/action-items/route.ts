import { listActionItems } from "@/lib/action-items/list-action-items.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** GET ?status=open,in_progress&ownerUserId=&ownerTeamId=: follow-ups across all post-mortems, overdue first. */
export const GET = authedRoute(async ({ req, actor }) => json(await listActionItems(actor, Object.fromEntries(req.nextUrl.searchParams))));
