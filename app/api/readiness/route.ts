import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { getReadiness } from "@/lib/readiness/get-readiness.ts";

export const dynamic = "force-dynamic";

/** GET: every service and team against the coming peak (the readiness board's data). */
export const GET = authedRoute(async ({ actor }) => json(await getReadiness(actor)));
