import { sendTestPage } from "@/lib/paging/send-test-page.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** Sends a test page through the team's route. */
export const POST = authedRoute<{ id: string }>(async ({ actor, params }) => json(await sendTestPage(actor, params.id), 202));

/** Cancels the test page: resolves (PagerDuty) or closes (Opsgenie) it at the vendor. */
export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json(await sendTestPage(actor, params.id, { cancel: true }), 202),
);
