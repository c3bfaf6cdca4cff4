import { ingestWebhook, MAX_WEBHOOK_BYTES } from "@/lib/integrations/ingest-webhook.ts";
import { recordWebhookRefusal } from "@/lib/integrations/record-webhook-refusal.ts";
import { json, publicRoute, readText } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

// Alert sources post here. publicRoute, not authedRoute: Alertmanager sends its own
// `Authorization: Bearer <secret>`, which authedRoute would take for an API token. The
// integration's secret or signature is checked in ingestWebhook before anything is stored.
export const POST = publicRoute<{ integrationId: string }>(async ({ req, params }) => {
  let rawBody: string | null = null;
  try {
    rawBody = await readText(req, MAX_WEBHOOK_BYTES, "256 KB");
    const result = await ingestWebhook(params.integrationId, { headers: req.headers, rawBody, query: req.nextUrl.searchParams });
    return json(result);
  } catch (error) {
    // A refusal is shown on the integration page (and logged); the sender gets the same answer.
    await recordWebhookRefusal(params.integrationId, error, rawBody);
    throw error;
  }
});
