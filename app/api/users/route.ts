import { listMembers } from "@/lib/users/list-members.ts";
import { searchMembers } from "@/lib/users/search-members.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/**
 * GET ?q=&limit=&assignable= searches (at most `limit` people, 20 by default); without any of them,
 * everyone as before, for the clients that list the whole organisation.
 */
export const GET = authedRoute(async ({ req, actor }) => {
  const params = req.nextUrl.searchParams;
  if (!["q", "limit", "assignable"].some((key) => params.has(key))) return json({ users: await listMembers(actor) });
  return json(await searchMembers(actor, Object.fromEntries(params)));
});
