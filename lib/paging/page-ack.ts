// Acknowledgements coming back from the pager vendors, through the alert webhooks that already
// exist (lib/integrations): PagerDuty webhook v3 `incident.acknowledged` (its `incident_key` is the
// dedup_key we sent) and Opsgenie's `Acknowledge` action (its alias is ours). The matching page's
// team is marked acknowledged, with who did it, in every browser.

export interface PageAck {
  dedupKey: string;
  by: string;
  vendor: "PagerDuty" | "Opsgenie";
  at: Date;
}

const obj = (v: unknown): Record<string, unknown> | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 200) : null);
const when = (v: unknown): Date | null => {
  const d = typeof v === "string" || typeof v === "number" ? new Date(v) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

function readPagerDuty(body: Record<string, unknown>): PageAck | null {
  const event = obj(body.event);
  if (!event || event.event_type !== "incident.acknowledged") return null;
  const data = obj(event.data);
  const dedupKey = str(data?.incident_key);
  if (!data || !dedupKey) return null;
  // The agent is who acknowledged when it is a person; else the first assignee is the best we know.
  const agent = obj(event.agent);
  const assignee = Array.isArray(data.assignees) ? obj(data.assignees[0]) : null;
  const by = (agent?.type === "user_reference" ? str(agent.summary) : null) ?? str(assignee?.summary) ?? str(agent?.summary) ?? "someone";
  return { dedupKey, by, vendor: "PagerDuty", at: when(event.occurred_at) ?? new Date() };
}

function readOpsgenie(body: Record<string, unknown>): PageAck | null {
  if (body.action !== "Acknowledge") return null;
  const alert = obj(body.alert);
  const dedupKey = str(alert?.alias);
  if (!alert || !dedupKey) return null;
  return { dedupKey, by: str(alert.username) ?? "someone", vendor: "Opsgenie", at: new Date() };
}

/** The acknowledgement a vendor's webhook carries, or null when it carries none. Never throws. */
export function readPageAck(kind: string, raw: string): PageAck | null {
  if (kind !== "pagerduty" && kind !== "opsgenie") return null;
  let body: Record<string, unknown> | null;
  try {
    body = obj(JSON.parse(raw));
  } catch {
    return null;
  }
  if (!body) return null;
  if (kind === "pagerduty") return readPagerDuty(body);
  if (kind === "opsgenie") return readOpsgenie(body);
  return null;
}
