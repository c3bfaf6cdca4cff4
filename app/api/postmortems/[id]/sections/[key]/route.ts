import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { saveSection } from "@/lib/postmortems/save-section.ts";

export const dynamic = "force-dynamic";

export const PUT = authedRoute<{ id: string; key: string }>(async ({ req, actor, params }) =>
  json(await saveSection(actor, params.id, params.key, await readJson(req))),
);
