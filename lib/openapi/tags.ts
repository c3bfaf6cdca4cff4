// Sections of the API reference, in the order a reader meets them. A new domain adds one line.
export const API_TAGS = [
  { name: "Incidents", description: "Declare incidents and run them: status, severity, key times, roles, responders and impacted services." },
  { name: "Timeline", description: "The room's timeline: post entries, catch up by sequence number, correct, pin and strike through. Entries are never deleted." },
  { name: "Impact", description: "Money, orders and customers at stake per journey, the triage board, and the organisation's baselines." },
  { name: "Post-mortems", description: "Blameless write-ups of resolved incidents: draft from a template, edit sections together, review, publish revisions." },
  { name: "Catalog", description: "Teams, services and their dependencies (the map), service health, and catalog import and export." },
  { name: "Alert sources", description: "Monitoring integrations and the webhook they post alerts to." },
  { name: "Notifications", description: "Slack, Teams and signed-webhook channels told about incident changes, and the log of every delivery." },
  { name: "API tokens", description: "Personal tokens for scripts and services: `Authorization: Bearer wr_…`." },
  { name: "Organisation", description: "Members and the audit log." },
  { name: "System", description: "Liveness and this document." },
] as const;

export type TagName = (typeof API_TAGS)[number]["name"];
