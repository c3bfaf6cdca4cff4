import { getTriage } from "@/lib/incidents/get-triage.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ actor }) => json(await getTriage(actor)));
