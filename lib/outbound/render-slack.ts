// Slack incoming webhooks take `text` (the notification and fallback) plus Block Kit `blocks`.
// Mattermost and Rocket.Chat accept the same body.
import { detail, facts, headline, linkOf, type OutboundMessage } from "./outbound-message.ts";

/** Slack's mrkdwn treats &, < and > as control characters. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const MAX_SECTION = 2900; // Slack refuses section text over 3,000 characters.

export function renderSlack(message: OutboundMessage): Record<string, unknown> {
  const title = headline(message);
  const link = linkOf(message);
  const blocks: Record<string, unknown>[] = [{ type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(title)}*` } }];
  const rows = facts(message);
  if (rows.length) {
    blocks.push({
      type: "section",
      fields: rows.slice(0, 10).map((f) => ({ type: "mrkdwn", text: `*${f.label}*\n${escapeSlack(f.value)}` })),
    });
  }
  const text = detail(message);
  if (text) blocks.push({ type: "section", text: { type: "mrkdwn", text: escapeSlack(text).slice(0, MAX_SECTION) } });
  if (link) {
    const label = message.event === "postmortem.published" ? "Read the post-mortem" : "Open the room";
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `<${link}|${label}> · Warroom` }] });
  }
  // `text` is mrkdwn too (it is the notification and the fallback): escaped like the blocks,
  // so "<p99> & errors" is not read as a link or an entity.
  return { text: link ? `${escapeSlack(title)} <${link}>` : escapeSlack(title), blocks };
}
