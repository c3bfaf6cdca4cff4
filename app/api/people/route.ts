import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { listPeople } from "@/lib/people/list-people.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ people: await listPeople(actor) }));
