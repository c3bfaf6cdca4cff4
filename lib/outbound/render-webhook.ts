// Signed webhooks for any other tool: a stable JSON body, signed at send time (sign-webhook.ts).
import { headline, type OutboundMessage } from "./outbound-message.ts";

export function renderWebhook(message: OutboundMessage): Record<string, unknown> {
  return {
    event: message.event,
    occurredAt: message.occurredAt,
    summary: headline(message),
    incident: message.incident,
    data: message.data,
  };
}
