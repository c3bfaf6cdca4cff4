import { retryDelivery } from "@/lib/outbound/retry-delivery.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ delivery: await retryDelivery(actor, params.id) }, 202),
);
