// Pure and client-safe: the UI uses it to hide what a role cannot do; the server enforces it.
export const ROLES = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER"] as const;
export type RoleName = (typeof ROLES)[number];

const ALL: readonly RoleName[] = ROLES;
const WRITERS: readonly RoleName[] = ["ADMIN", "COMMANDER", "RESPONDER"];

const MATRIX = {
  "incident:read": ALL,
  // Anyone on call may declare: waiting for a commander to declare costs minutes.
  "incident:declare": WRITERS,
  "timeline:post": WRITERS,
  // Correcting one's own entries: text, action outcome, hypothesis state, acknowledgement.
  "timeline:amend-own": WRITERS,
  // Correcting anyone's entries, pinning key moments and striking entries through. The
  // incident's own commander may too (see canModerateTimeline in lib/timeline).
  "timeline:moderate": ["ADMIN", "COMMANDER"],
  // Status, severity, roles and key times. The incident's own commander may too, whatever
  // their role (see canCommand).
  "incident:command": ["ADMIN", "COMMANDER"],
  // Summary, tags, joining as a responder.
  "incident:edit": WRITERS,
  // Teams, services, dependencies, catalog import. Everyone reads the catalog (incident:read).
  "catalog:edit": ["ADMIN", "COMMANDER"],
  // Pushing a service's health (usually with an API token of a service account).
  "health:report": WRITERS,
  // How degraded each journey is during an incident: whoever is working it may say.
  "impact:edit": WRITERS,
  // Organisation settings: baselines, peak windows, currency, API tokens of others.
  "org:admin": ["ADMIN"],
  // Drafting, editing and reviewing post-mortems. Everyone reads them (incident:read).
  "postmortem:write": WRITERS,
  // Publishing one; the incident's own commander may too (see canPublishPostmortem in lib/postmortems).
  "postmortem:publish": ["ADMIN", "COMMANDER"],
  // Post-mortem follow-ups: whoever works incidents adds, edits and closes action items.
  "action-item:edit": WRITERS,
  // Starting, cancelling and ending game-day drills (lib/drills). Everyone reads past drills and their reports (incident:read).
  "drill:run": ["ADMIN", "COMMANDER"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof MATRIX;

export function can(role: RoleName, permission: Permission): boolean {
  return (MATRIX[permission] as readonly RoleName[]).includes(role);
}

/** The roles that may do something, for checks made inside a SQL statement. */
export function rolesWith(permission: Permission): readonly RoleName[] {
  return MATRIX[permission];
}

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: "Admin",
  COMMANDER: "Commander",
  RESPONDER: "Responder",
  VIEWER: "Viewer",
};

/** Runs the incident: a commander-level role, or the person currently in command of it. */
export function canCommand(actor: { userId: string; role: RoleName }, incident: { commanderId: string | null }): boolean {
  return can(actor.role, "incident:command") || (incident.commanderId === actor.userId && can(actor.role, "incident:edit"));
}
