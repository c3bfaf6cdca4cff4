import { authedRoute, json, readJson } from "@/lib/http/api-handler.ts";
import { changeOwnPassword } from "@/lib/people/change-own-password.ts";

export const dynamic = "force-dynamic";

export const PUT = authedRoute(async ({ req, actor }) => json(await changeOwnPassword(actor, await readJson(req))));
