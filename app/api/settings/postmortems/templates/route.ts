import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { createPostmortemTemplate } from "@/lib/postmortems/create-postmortem-template.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute(async ({ req, actor }) => json(await createPostmortemTemplate(actor, await readJson(req)), 201));
