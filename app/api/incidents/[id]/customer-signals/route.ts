import { authedRoute, json } from "@/lib/http/api-handler.ts";
import { getCustomerSignals } from "@/lib/signals/get-customer-signals.ts";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json(await getCustomerSignals(actor, params.id)));
