import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { getInsights } from "@/lib/insights/get-insights.ts";

export const dynamic = "force-dynamic";

/** GET ?weeks=4|12|26 (default 12): the insights page's figures. */
export const GET = authedRoute(async ({ req, actor }) => json(await getInsights(actor, Object.fromEntries(req.nextUrl.searchParams))));
