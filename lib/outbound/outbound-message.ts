// The neutral form of one notification, built at enqueue time; each channel kind renders it.
// Pure and without I/O so the renderers are unit-tested alone.
import { SEVERITY_INFO, STATUS_LABELS, type SeverityName, type StatusName } from "../vocabulary/incidents.ts";
import { eventLabel, type DeliveryEventName } from "./events.ts";

/** What receivers learn about the incident: enough to act on, nothing from the timeline. */
export interface IncidentSnapshot {
  id: string;
  ref: string;
  title: string;
  severity: SeverityName;
  status: StatusName;
  commander: string | null;
  services: string[];
  startedAt: string;
  url: string;
  /** Money at risk now, when the caller had it at hand, e.g. "$1,240/min". */
  perMinute?: string | null;
}

export interface OutboundMessage {
  event: DeliveryEventName;
  occurredAt: string;
  incident: IncidentSnapshot | null;
  /** Event specifics: { from, to } for changes, the update's text for stakeholder updates… */
  data: Record<string, unknown>;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/** One line a person reads first, in Slack's notification preview or Teams' activity feed. */
export function headline(message: OutboundMessage): string {
  const i = message.incident;
  if (!i) return str(message.data.text) ?? "Test message from Warroom: this channel is connected.";
  const subject = `${i.ref} ${i.title}`;
  const from = str(message.data.from);
  const to = str(message.data.to);
  switch (message.event) {
    case "incident.declared":
      return `${SEVERITY_INFO[i.severity].label} declared: ${subject}`;
    case "incident.severity":
      return `Severity ${from ?? "?"} → ${to ?? i.severity}: ${subject}`;
    case "incident.status":
      return `${statusLabel(from)} → ${statusLabel(to ?? i.status)}: ${subject}`;
    case "incident.resolved":
      return `Resolved: ${subject}`;
    case "incident.commander":
      return `${to ?? i.commander ?? "Nobody"} is now incident commander: ${subject}`;
    case "stakeholder.update":
      return `Stakeholder update: ${subject}`;
    case "postmortem.published":
      return `Post-mortem published: ${subject}`;
    default:
      return `${eventLabel(message.event)}: ${subject}`;
  }
}

function statusLabel(status: string | null): string {
  return status && status in STATUS_LABELS ? STATUS_LABELS[status as StatusName] : (status ?? "?");
}

/** Label/value pairs every kind shows the same way. */
export function facts(message: OutboundMessage): { label: string; value: string }[] {
  const i = message.incident;
  if (!i) return [];
  const rows = [
    { label: "Severity", value: SEVERITY_INFO[i.severity].label },
    { label: "Status", value: STATUS_LABELS[i.status] },
    { label: "Commander", value: i.commander ?? "Nobody yet" },
  ];
  if (i.perMinute) rows.push({ label: "At risk", value: i.perMinute });
  if (i.services.length) rows.push({ label: "Services", value: i.services.join(", ") });
  return rows;
}

/** Free text the event carries (a stakeholder update, a post-mortem summary), if any. */
export function detail(message: OutboundMessage): string | null {
  return str(message.data.text) ?? str(message.data.summary);
}

/** Where "Open" goes: the room, or what the event names (a post-mortem). */
export function linkOf(message: OutboundMessage): string | null {
  return str(message.data.url) ?? message.incident?.url ?? null;
}
