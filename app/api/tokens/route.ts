import { createApiToken, listApiTokens } from "@/lib/people/api-tokens.ts";
import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json({ tokens: await listApiTokens(actor) }));

export const POST = authedRoute(async ({ req, actor, tokenScope }) =>
  json(await createApiToken(actor, await readJson(req), tokenScope), 201),
);
