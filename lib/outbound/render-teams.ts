// Microsoft Teams: an Adaptive Card in a "message" envelope, the format both Teams Workflows
// ("Post to a channel when a webhook request is received") and the older incoming-webhook
// connector accept.
import { detail, facts, headline, linkOf, type OutboundMessage } from "./outbound-message.ts";

const SEVERITY_STYLE = { SEV1: "attention", SEV2: "warning", SEV3: "accent", SEV4: "default" } as const;

export function renderTeams(message: OutboundMessage): Record<string, unknown> {
  const title = headline(message);
  const link = linkOf(message);
  const body: Record<string, unknown>[] = [
    {
      type: "TextBlock",
      text: title,
      weight: "Bolder",
      size: "Medium",
      wrap: true,
      color: message.incident ? SEVERITY_STYLE[message.incident.severity] : "default",
    },
  ];
  const rows = facts(message);
  if (rows.length) body.push({ type: "FactSet", facts: rows.map((f) => ({ title: f.label, value: f.value })) });
  const text = detail(message);
  if (text) body.push({ type: "TextBlock", text, wrap: true });
  const label = message.event === "postmortem.published" ? "Read the post-mortem" : "Open the room";
  return {
    type: "message",
    summary: title,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          msteams: { width: "Full" },
          body,
          ...(link ? { actions: [{ type: "Action.OpenUrl", title: label, url: link }] } : {}),
        },
      },
    ],
  };
}
