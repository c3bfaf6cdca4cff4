import { listIncidentPages } from "@/lib/paging/list-incident-pages.ts";
import { pageTeam } from "@/lib/paging/page-team.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await listIncidentPages(actor, params.id)));

export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await pageTeam(actor, params.id, await readJson(req)), 201),
);
