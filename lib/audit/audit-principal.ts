/** The API token a change was made with, as the audit log shows it (never the secret). */
export interface ApiTokenRef {
  id: string;
  name: string;
  /** The token's first characters, as the tokens page lists them. */
  prefix: string;
}

/** A signed-in person as lib/auth's Actor carries them (structural: the audit record sits below auth). */
export interface ActingUser {
  organizationId: string;
  userId: string;
  /** Set when the person acts through an API token rather than a browser session. */
  apiToken?: ApiTokenRef;
}

/**
 * How a change reached Warroom: a signed-in person in a browser (user) or through an API token
 * (token), an alert source, the system itself (poller, sign-in throttle), or a person not yet
 * signed in (first setup, an invitation or reset link, a first SSO sign-in). The audit table has no
 * column for it: rows keep the actor (or null), the actions whose reader needs the channel say it
 * in `after.via`, and a token's rows carry the token in `after.apiToken` (see withPrincipalMark).
 */
export type AuditVia = "user" | "token" | "webhook" | "system" | "setup" | "invitation" | "reset_link" | "sso";

/** Whom an audit row is written for: the organisation, the acting user (null: nobody) and the channel. */
export type AuditPrincipal =
  | { organizationId: string; actorId: string | null; via: Exclude<AuditVia, "token"> }
  | { organizationId: string; actorId: string; via: "token"; apiToken: ApiTokenRef };

export function principalOf(actor: ActingUser): AuditPrincipal {
  if (actor.apiToken) return { organizationId: actor.organizationId, actorId: actor.userId, via: "token", apiToken: actor.apiToken };
  return { organizationId: actor.organizationId, actorId: actor.userId, via: "user" };
}

/** The system acting for nobody in an organisation (the health poller, the sign-in throttle). */
export function systemPrincipal(organizationId: string): AuditPrincipal {
  return { organizationId, actorId: null, via: "system" };
}

const isActor = (who: ActingUser | AuditPrincipal): who is ActingUser => "userId" in who;

/** The principal of either: a domain function acting for a signed-in Actor passes the Actor itself. */
export function toPrincipal(who: ActingUser | AuditPrincipal): AuditPrincipal {
  return isActor(who) ? principalOf(who) : who;
}

/** Where a token's row names its token: a key of `after`, beside what the action wrote. */
export const API_TOKEN_KEY = "apiToken";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The `after` an audit row stores for this principal: a token's rows add `apiToken` (an action
 * that writes no `after`, as a delete, gets `{ apiToken }`), so the log tells a script from a
 * browser without a column of its own. Every action writes an object or nothing as `after`.
 */
export function withPrincipalMark(principal: AuditPrincipal, after: unknown): unknown {
  if (principal.via !== "token") return after;
  if (after === undefined || after === null) return principalMark(principal.apiToken);
  if (!isPlainObject(after)) throw new Error("an audit row's after must be an object to name the API token");
  return { ...after, ...principalMark(principal.apiToken) };
}

/** The keys a row's `after` gains for an actor (none for a browser session); the posting statement appends them in SQL. */
export function principalMark(apiToken: ApiTokenRef | undefined): Record<string, ApiTokenRef> {
  return apiToken ? { [API_TOKEN_KEY]: apiToken } : {};
}

/** The reverse, for readers: what the action wrote, and the token it was made with (null: none). */
export function readPrincipalMark(after: unknown): { after: unknown; apiToken: ApiTokenRef | null } {
  if (!isPlainObject(after) || !(API_TOKEN_KEY in after)) return { after, apiToken: null };
  const { [API_TOKEN_KEY]: mark, ...rest } = after;
  const apiToken =
    isPlainObject(mark) && typeof mark.id === "string" && typeof mark.name === "string" && typeof mark.prefix === "string"
      ? { id: mark.id, name: mark.name, prefix: mark.prefix }
      : null;
  return { after: Object.keys(rest).length === 0 ? null : rest, apiToken };
}
