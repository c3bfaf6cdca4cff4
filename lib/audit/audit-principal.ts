/** A signed-in person as lib/auth's Actor carries them (structural: the audit record sits below auth). */
export interface ActingUser {
  organizationId: string;
  userId: string;
}

/**
 * How a change reached Warroom: a signed-in person (browser or API token, both an Actor), an alert
 * source, the system itself (poller, sign-in throttle), or a person not yet signed in (first setup,
 * an invitation or reset link, a first SSO sign-in). The audit table has no column for it: rows
 * keep the actor (or null), and the actions whose reader needs the channel say it in `after.via`.
 */
export type AuditVia = "user" | "webhook" | "system" | "setup" | "invitation" | "reset_link" | "sso";

/** Whom an audit row is written for: the organisation, the acting user (null: nobody) and the channel. */
export interface AuditPrincipal {
  organizationId: string;
  actorId: string | null;
  via: AuditVia;
}

export function principalOf(actor: ActingUser): AuditPrincipal {
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
