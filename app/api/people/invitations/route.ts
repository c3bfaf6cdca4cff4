import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { invitePerson } from "@/lib/people/invite-person.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute(async ({ req, actor }) => json(await invitePerson(actor, await readJson(req)), 201));
