import { createTeam } from "@/lib/catalog/create-team.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ teams: await listTeams(actor) }));

export const POST = authedRoute(async ({ req, actor }) => json(await createTeam(actor, await readJson(req)), 201));
