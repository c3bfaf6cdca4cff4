import { sendTestMessage } from "@/lib/outbound/send-test-message.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

export const POST = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ delivery: await sendTestMessage(actor, params.id) }, 202),
);
