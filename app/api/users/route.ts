import { listMembers } from "@/lib/users/list-members.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ users: await listMembers(actor) }));
