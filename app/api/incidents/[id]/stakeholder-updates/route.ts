import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { listStakeholderUpdates } from "@/lib/stakeholder/list-stakeholder-updates.ts";
import { postStakeholderUpdate } from "@/lib/stakeholder/post-stakeholder-update.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ updates: await listStakeholderUpdates(actor, params.id) }),
);

export const POST = authedRoute<{ id: string }>(async ({ req, actor, params }) =>
  json(await postStakeholderUpdate(actor, params.id, await readJson(req)), 201),
);
