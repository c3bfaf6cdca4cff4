import type { OutboundKindName } from "./events.ts";
import type { OutboundMessage } from "./outbound-message.ts";
import { renderSlack } from "./render-slack.ts";
import { renderTeams } from "./render-teams.ts";
import { renderWebhook } from "./render-webhook.ts";

/** The request body for one channel kind, fixed at enqueue so every retry sends the same bytes. */
export function renderPayload(kind: OutboundKindName, message: OutboundMessage): Record<string, unknown> {
  if (kind === "slack") return renderSlack(message);
  if (kind === "teams") return renderTeams(message);
  return renderWebhook(message);
}
