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
} as const satisfies Record<string, readonly RoleName[]>;

export type Permission = keyof typeof MATRIX;

export function can(role: RoleName, permission: Permission): boolean {
  return (MATRIX[permission] as readonly RoleName[]).includes(role);
}

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: "Admin",
  COMMANDER: "Commander",
  RESPONDER: "Responder",
  VIEWER: "Viewer",
};
