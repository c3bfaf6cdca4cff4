import { listDeliveries } from "@/lib/outbound/list-deliveries.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute(async ({ req, actor }) => json(await listDeliveries(actor, Object.fromEntries(req.nextUrl.searchParams))));
