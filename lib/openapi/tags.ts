// Sections of the API reference, in the order a reader meets them. A new domain adds one line.
export const API_TAGS = [
  {
    name: "Incidents",
    description: "Declare incidents and run them: status, severity, key times, roles, responders and impacted services.",
  },
  {
    name: "Timeline",
    description:
      "The room's timeline: post entries, catch up by sequence number, correct, pin and strike through. Entries are never deleted.",
  },
  {
    name: "Impact",
    description:
      "Money, orders and customers at stake per journey, what customers say in surveys, the triage board, and the organisation's baselines.",
  },
  {
    name: "Stakeholder updates",
    description:
      "Structured updates for stakeholders (what is affected, what is being done, when the next one comes), from the incident's commander or communications lead.",
  },
  { name: "Status page", description: "The public, no-login status of each customer journey and of incidents with public updates." },
  {
    name: "Post-mortems",
    description: "Blameless write-ups of resolved incidents: draft from a template, edit sections together, review, publish revisions.",
  },
  { name: "Follow-ups", description: "Action items of post-mortems: owner, due date, priority and status, across all post-mortems." },
  {
    name: "Insights",
    description: "Trends over weeks: incidents per severity, MTTA and MTTR, loss by journey and service, follow-up completion.",
  },
  {
    name: "Drills",
    description:
      "Game-day drills: a scripted practice incident (marked DRILL, kept out of real figures) fed with alerts through the real ingest path, health changes, survey answers and stakeholder questions.",
  },
  { name: "Catalog", description: "Teams, services and their dependencies (the map), service health, and catalog import and export." },
  {
    name: "Alert sources",
    description: "Monitoring integrations and customer-survey tools, and the webhook they post alerts and answers to.",
  },
  {
    name: "Notifications",
    description: "Slack, Teams and signed-webhook channels told about incident changes, and the log of every delivery.",
  },
  {
    name: "Paging",
    description:
      "Page a team from an incident through PagerDuty, Opsgenie or a signed page webhook; each team's paging route and escalation; acknowledgements come back through the alert webhooks.",
  },
  { name: "API tokens", description: "Personal tokens for scripts and services: `Authorization: Bearer wr_…`." },
  { name: "Organisation", description: "Members and the audit log." },
  {
    name: "People and access",
    description:
      "First-run setup, inviting people, roles, deactivation, one-time invitation and password reset links, and your own password.",
  },
  { name: "System", description: "Liveness and this document." },
] as const;

export type TagName = (typeof API_TAGS)[number]["name"];
