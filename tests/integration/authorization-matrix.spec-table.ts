import type { Actor } from "../../lib/auth/actor.ts";
import { createApiToken } from "../../lib/people/api-tokens.ts";
import type { RoleName } from "../../lib/auth/permissions.ts";
import { addDependency } from "../../lib/catalog/add-dependency.ts";
import { createService } from "../../lib/catalog/create-service.ts";
import { createTeam } from "../../lib/catalog/create-team.ts";
import { db } from "../../lib/db/client.ts";
import type { IncidentDto } from "../../lib/incident-record/incident-dto.ts";
import { setResponder } from "../../lib/incidents/set-incident-role.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { seedFailedDelivery, seedNotificationChannel } from "../helpers/seed-outbound.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { setPagingRoute } from "../../lib/paging/set-paging-route.ts";
import { strikeEvent } from "../../lib/timeline/strike-event.ts";
import { getPostmortem } from "../../lib/postmortems/get-postmortem.ts";
import type { PostmortemDto } from "../../lib/postmortems/postmortem-dto.ts";
import { publishPostmortem } from "../../lib/postmortems/publish-postmortem.ts";
import { createPostmortemTemplate } from "../../lib/postmortems/create-postmortem-template.ts";
import { requestReview } from "../../lib/postmortems/request-review.ts";
import { reviewPostmortem } from "../../lib/postmortems/review-postmortem.ts";
import { updateIncident } from "../../lib/incidents/update-incident.ts";
import { declareIncident } from "../../lib/incidents/declare-incident.ts";
import { createActionItem } from "../../lib/action-items/create-action-item.ts";
import { startDrill } from "../../lib/drills/start-drill.ts";
import { invitePerson } from "../../lib/people/invite-person.ts";
import type { RouteParams } from "../helpers/route-matrix.ts";
import { seedPostmortem } from "../helpers/seed-postmortem.ts";
import { seedPracticeDrill } from "../helpers/seed-practice-drill.ts";
import type { SeededCatalog, SeededOrganization } from "../helpers/seed.ts";

// Who may call what, written down by hand: deriving it from lib/auth/permissions.ts would make a
// wrong permission pass its own test. Keys are "METHOD /api/path" as the app/api tree names them;
// the test fails for a route in the tree that is not here, and for a key here that no route answers.

/** The organisation under test; every id a request needs comes from here. */
export interface MatrixWorld {
  org: SeededOrganization;
  /** Declared by the admin, so the admin is its commander and other roles act only by role. */
  incident: IncidentDto;
  /** Declared by the responder, who commands it: running one's own incident needs no commander role. */
  responderIncident: { id: string; entrySeq: number };
  catalog: SeededCatalog;
  /** A generic alert source and its webhook secret. */
  integration: { id: string; secret: string };
  /** Timeline entries (their seq) that reads and idempotent changes share. */
  entries: { byResponder: number; byCommander: number; forPin: number };
  /** Fresh state for writes whose answer would depend on an earlier row (deletes, strikes). */
  fresh: FreshState;
}

export interface RequestPlan {
  params?: RouteParams;
  body?: unknown;
  query?: string;
  headers?: Record<string, string>;
}

export interface MatrixCase {
  /** What this case pins down when a route has several, e.g. "own entry". */
  variant?: string;
  /** Roles that may (they get `status`; the others 403), or "public": everyone gets `status`, no session needed. */
  allow: readonly RoleName[] | "public";
  /** What an allowed caller gets; 200 unless said. */
  status?: number;
  /** Roles that pass the permission check yet get another answer, and why. */
  otherwise?: Partial<Record<RoleName, { status: number; why: string }>>;
  /** A user of another organisation, when the path names an entity: 404 unless said. */
  crossOrg?: 403 | 404;
  /** An allowed caller whose path parameters are not ids at all: 404 unless said, and why. */
  malformedIds?: { status: number; why: string };
  /** Builds the request for one caller (null when signed out); called before every call. */
  plan(world: MatrixWorld, caller: Actor | null): RequestPlan | Promise<RequestPlan>;
}

export interface FreshState {
  /** 1, 2, 3…: for values that must differ from the last call's. */
  next(): number;
  name(prefix: string): string;
  team(): Promise<string>;
  service(): Promise<string>;
  dependency(): Promise<string>;
  entry(author: Actor): Promise<number>;
  struckEntry(): Promise<number>;
  token(owner: Actor): Promise<string>;
  integration(): Promise<string>;
}

/** Fresh entities made through the domain's write path, as the organisation's admin. */
export function freshState(org: SeededOrganization, incidentId: () => string, catalog: () => SeededCatalog): FreshState {
  let n = 0;
  const name = (prefix: string) => `${prefix} ${++n}`;
  const service = async () => (await createService(org.admin, { name: name("Matrix service"), teamId: catalog().team.id })).id;
  const entry = async (author: Actor) => (await postEvent(author, incidentId(), { kind: "note", body: name("Matrix note") })).event.seq;
  return {
    next: () => ++n,
    name,
    team: async () => (await createTeam(org.admin, { name: name("Matrix team") })).id,
    service,
    dependency: async () => (await addDependency(org.admin, await service(), { toId: catalog().gateway.id })).dependency.id,
    entry,
    struckEntry: async () => {
      const seq = await entry(org.responder);
      await strikeEvent(org.admin, incidentId(), seq, { reason: "posted twice" });
      return seq;
    },
    token: async (owner) => (await createApiToken(owner, { name: name("Matrix token"), scope: "read" })).apiToken.id,
    integration: async () => (await createIntegration(org.admin, { kind: "generic", name: name("Matrix alerts") })).integration.id,
  };
}

const ALL: readonly RoleName[] = ["ADMIN", "COMMANDER", "RESPONDER", "VIEWER"];
/** Everyone but viewers. */
const WRITERS: readonly RoleName[] = ["ADMIN", "COMMANDER", "RESPONDER"];
/** Catalog editing, moderation and commanding: commander-level roles. */
const COMMANDERS: readonly RoleName[] = ["ADMIN", "COMMANDER"];
const ADMIN: readonly RoleName[] = ["ADMIN"];

/** One firing alert in Warroom's generic webhook format. */
const FIRING = { dedupKey: "matrix-checkout-5xx", status: "firing", title: "Checkout API 5xx above 5%" };

const read = (plan: MatrixCase["plan"] = () => ({})): MatrixCase => ({ allow: ALL, plan });

const MATRIX_ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";
/** A fresh team with a PagerDuty paging route (pages to it stay queued: no sender runs here). */
const routedTeam = async (w: MatrixWorld) => {
  const id = await w.fresh.team();
  await setPagingRoute(w.org.admin, id, { kind: "pagerduty", key: MATRIX_ROUTING_KEY });
  return id;
};

// A published post-mortem of the organisation under test, made on first use through the real write path.
const postmortem = async (w: MatrixWorld) => ({ id: (await publishedOf(w)).id });
const freshActionItem = async (w: MatrixWorld) => ({
  id: (await createActionItem(w.org.admin, (await postmortem(w)).id, { title: w.fresh.name("Matrix follow-up") })).id,
});
const incident = (w: MatrixWorld) => ({ id: w.incident.id });
const entry = (w: MatrixWorld, seq: number) => ({ id: w.incident.id, seq: String(seq) });
/** A fresh entry (struck through if asked) in the incident the responder commands, who may moderate it. */
const responderEntry = async (w: MatrixWorld, options: { struck?: boolean } = {}) => {
  const { id } = w.responderIncident;
  const seq = (await postEvent(w.org.responder, id, { kind: "note", body: w.fresh.name("Matrix note") })).event.seq;
  if (options.struck) await strikeEvent(w.org.responder, id, seq, { reason: "posted twice" });
  return { id, seq: String(seq) };
};
/** Someone other than the caller, for "may act on others" cases. */
const someoneElse = (w: MatrixWorld, caller: Actor | null) =>
  caller?.userId === w.org.responder.userId ? w.org.commander : w.org.responder;
// The same domain function takes the user from a POST body, where a non-id is bad input.
const USER_ID_CHECKED_FIRST = { status: 422, why: "userId is validated (naming the field) before the incident is looked up" };
const notFoundForOthers = (why: string) => ({
  COMMANDER: { status: 404, why },
  RESPONDER: { status: 404, why },
  VIEWER: { status: 404, why },
});

// Post-mortems of the organisation under test, drafted once by the admin (who commands their incidents).
const shared = new Map<string, Promise<PostmortemDto>>();
const once = (key: string, make: () => Promise<PostmortemDto>) => shared.get(key) ?? (shared.set(key, make()), shared.get(key)!);
const draftOf = (w: MatrixWorld, key: string) => once(key, () => seedPostmortem(w.org.admin, { title: `Matrix post-mortem ${key}` }));
const inReview = async (w: MatrixWorld, pm: PostmortemDto) => {
  await requestReview(w.org.admin, pm.id, { reviewerIds: [w.org.commander.userId] });
  await reviewPostmortem(w.org.commander, pm.id, { state: "approved" });
};
const publishedOf = (w: MatrixWorld) =>
  once("published", async () => {
    const pm = await seedPostmortem(w.org.admin, { title: "Matrix published post-mortem" });
    await inReview(w, pm);
    return publishPostmortem(w.org.admin, pm.id);
  });
const resolvedIncident = async (w: MatrixWorld) => {
  const incident = await declareIncident(w.org.admin, { title: w.fresh.name("Matrix resolved incident"), severity: "SEV3" });
  return (await updateIncident(w.org.admin, incident.id, { status: "resolved" })).id;
};
// People for the people routes, made fresh so no case changes the callers themselves.
const invitee = async (w: MatrixWorld) =>
  invitePerson(w.org.admin, { email: `invitee-${w.fresh.next()}-${w.org.id.slice(0, 8)}@matrix.test`, role: "RESPONDER" });
const invitedPerson = async (w: MatrixWorld) => ({ id: (await invitee(w)).person.id });
const joinedPerson = async (w: MatrixWorld) => {
  const user = await db().user.create({
    data: {
      organizationId: w.org.id,
      role: "VIEWER",
      name: w.fresh.name("Matrix person"),
      email: `joined-${w.fresh.next()}-${w.org.id.slice(0, 8)}@matrix.test`,
    },
  });
  return { id: user.id };
};
const tokenOf = (url: string) => url.split("/").pop() ?? "";
const UNKNOWN_LINK = "A".repeat(43);
const STRONG = "correct horse battery staple";

/** A one-step drill scenario against the matrix catalog (the shipped ones name the demo catalog). */
const drillYaml = (w: MatrixWorld) =>
  `key: matrix-drill\nname: Matrix drill\nsummary: The gateway times out.\nfailing_service: ${w.catalog.gateway.name}\nsteps:\n  - at: 10m\n    alert: { service: ${w.catalog.gateway.name}, title: "Gateway timeouts" }\n`;
const runningDrill = async (w: MatrixWorld) => ({ id: (await startDrill(w.org.admin, { yaml: drillYaml(w), speed: 1 })).drill.id });

const pmParams = async (pm: Promise<PostmortemDto>) => ({ id: (await pm).id });

export const AUTHORIZATION_MATRIX: Record<string, MatrixCase[]> = {
  // Public: no session needed, and a session changes nothing.
  "GET /api/health": [{ allow: "public", plan: () => ({}) }],
  "GET /api/openapi.json": [{ allow: "public", plan: () => ({}) }],
  // next-auth's own endpoints: reading the session is open (empty when signed out).
  "GET /api/auth/[...nextauth]": [{ allow: "public", plan: () => ({ params: { nextauth: ["session"] } }) }],
  // A POST without next-auth's CSRF token is sent to the confirmation page (302), signed in or not.
  "POST /api/auth/[...nextauth]": [
    {
      allow: "public",
      status: 302,
      plan: () => ({ params: { nextauth: ["signout"] }, body: "", headers: { "content-type": "application/x-www-form-urlencoded" } }),
    },
  ],
  // Unknown API paths answer 404 in the API's error shape whoever asks.
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((m) => [
      `${m} /api/[...path]`,
      [{ allow: "public", status: 404, plan: () => ({ params: { path: ["no", "such-route"] } }) }],
    ]),
  ),

  "GET /api/audit": [{ allow: ADMIN, plan: () => ({}) }],

  // First-run setup is open only on an empty database: here an organisation exists, for everyone.
  "POST /api/setup": [
    {
      allow: "public",
      status: 403,
      plan: () => ({
        body: {
          organization: { name: "Intruder Inc", currency: "EUR", timeZone: "Europe/Berlin" },
          admin: { name: "Mallory", email: "mallory@evil.example", password: STRONG },
        },
      }),
    },
  ],
  "GET /api/people": [{ allow: ADMIN, plan: () => ({}) }],
  "POST /api/people/invitations": [
    {
      allow: ADMIN,
      status: 201,
      plan: (w) => ({ body: { email: `matrix-invite-${w.fresh.next()}-${w.org.id.slice(0, 8)}@matrix.test`, role: "RESPONDER" } }),
    },
  ],
  "PATCH /api/people/[id]": [
    { variant: "change a role", allow: ADMIN, plan: async (w) => ({ params: await joinedPerson(w), body: { role: "COMMANDER" } }) },
    { variant: "deactivate", allow: ADMIN, plan: async (w) => ({ params: await joinedPerson(w), body: { active: false } }) },
  ],
  "POST /api/people/[id]/invitation": [{ allow: ADMIN, status: 201, plan: async (w) => ({ params: await invitedPerson(w) }) }],
  "DELETE /api/people/[id]/invitation": [{ allow: ADMIN, plan: async (w) => ({ params: await invitedPerson(w) }) }],
  "POST /api/people/[id]/password-reset": [{ allow: ADMIN, status: 201, plan: async (w) => ({ params: await joinedPerson(w) }) }],
  // The link's token is the credential: a session changes nothing.
  "POST /api/invitations/accept": [
    {
      variant: "a link that does not exist",
      allow: "public",
      status: 404,
      plan: () => ({ body: { token: UNKNOWN_LINK, name: "Nobody", password: STRONG } }),
    },
    {
      variant: "a fresh invitation",
      allow: "public",
      plan: async (w) => ({ body: { token: tokenOf((await invitee(w)).link.url), name: "New responder", password: STRONG } }),
    },
  ],
  "POST /api/password-resets": [
    {
      variant: "a link that does not exist",
      allow: "public",
      status: 404,
      plan: () => ({ body: { token: UNKNOWN_LINK, password: STRONG } }),
    },
  ],
  // The matrix's users have no password (as single sign-on users): every allowed caller gets the 422 saying so.
  "PUT /api/account/password": [
    { allow: ALL, status: 422, plan: () => ({ body: { currentPassword: "whatever-it-was", newPassword: STRONG } }) },
  ],
  "GET /api/users": [read(), { ...read(() => ({ query: "q=matrix&limit=5&assignable=true" })), variant: "a search (#17)" }],
  "GET /api/triage": [read()],

  "GET /api/settings/impact": [read()],
  "PUT /api/settings/impact": [{ allow: ADMIN, plan: () => ({ body: { responderHourlyRate: 95 } }) }],

  "GET /api/tokens": [read()],
  "POST /api/tokens": [{ allow: ALL, status: 201, plan: (w) => ({ body: { name: w.fresh.name("Matrix CLI"), scope: "read" } }) }],
  "DELETE /api/tokens/[id]": [
    {
      variant: "own token",
      allow: ALL,
      // Another organisation's caller is handed a token of this one: theirs would be theirs to revoke.
      plan: async (w, caller) => ({ params: { id: await w.fresh.token(caller?.organizationId === w.org.id ? caller : w.org.viewer) } }),
    },
    {
      variant: "another member's token",
      allow: ALL,
      otherwise: notFoundForOthers("only its owner or an admin may see it, so it is not found rather than forbidden"),
      plan: async (w, caller) => ({ params: { id: await w.fresh.token(someoneElse(w, caller)) } }),
    },
  ],

  // Alert sources post with the integration's own secret; a session or API token is not one.
  "POST /api/webhooks/[integrationId]": [
    {
      variant: "without the integration's secret",
      allow: "public",
      status: 401,
      plan: (w) => ({ params: { integrationId: w.integration.id }, body: FIRING }),
    },
    {
      variant: "with the integration's secret",
      allow: "public",
      plan: (w) => ({ params: { integrationId: w.integration.id }, body: FIRING, headers: { "x-warroom-secret": w.integration.secret } }),
    },
    {
      variant: "an integration that does not exist",
      allow: "public",
      status: 404,
      plan: () => ({ params: { integrationId: "00000000-0000-4000-8000-000000000000" }, body: FIRING }),
    },
  ],
  "GET /api/integrations": [{ allow: ADMIN, plan: () => ({}) }],
  "POST /api/integrations": [
    { allow: ADMIN, status: 201, plan: (w) => ({ body: { kind: "generic", name: w.fresh.name("Synthetic checks") } }) },
  ],
  "GET /api/integrations/[id]": [{ allow: ADMIN, plan: (w) => ({ params: { id: w.integration.id } }) }],
  "PATCH /api/integrations/[id]": [
    { allow: ADMIN, plan: (w) => ({ params: { id: w.integration.id }, body: { defaultSeverity: "SEV3" } }) },
  ],
  "DELETE /api/integrations/[id]": [{ allow: ADMIN, plan: async (w) => ({ params: { id: await w.fresh.integration() } }) }],

  // Outbound notifications (Slack, Teams, signed webhooks) and their delivery log: admins only.
  "GET /api/notification-channels": [{ allow: ADMIN, plan: () => ({}) }],
  "POST /api/notification-channels": [
    {
      allow: ADMIN,
      status: 201,
      plan: (w) => ({ body: { kind: "slack", name: w.fresh.name("Matrix Slack"), url: "https://hooks.slack.com/services/T0/B0/matrix" } }),
    },
  ],
  "GET /api/notification-channels/[id]": [
    {
      allow: ADMIN,
      plan: async (w) => ({ params: { id: (await seedNotificationChannel(w.org.admin, { name: w.fresh.name("Matrix channel") })).id } }),
    },
  ],
  "PATCH /api/notification-channels/[id]": [
    {
      allow: ADMIN,
      plan: async (w) => ({
        params: { id: (await seedNotificationChannel(w.org.admin, { name: w.fresh.name("Matrix channel") })).id },
        body: { isEnabled: false },
      }),
    },
  ],
  "DELETE /api/notification-channels/[id]": [
    {
      allow: ADMIN,
      plan: async (w) => ({ params: { id: (await seedNotificationChannel(w.org.admin, { name: w.fresh.name("Matrix channel") })).id } }),
    },
  ],
  "POST /api/notification-channels/[id]/test": [
    {
      allow: ADMIN,
      status: 202,
      plan: async (w) => ({ params: { id: (await seedNotificationChannel(w.org.admin, { name: w.fresh.name("Matrix channel") })).id } }),
    },
  ],
  // Paging routes per team (catalog editors) and pages from the room (anyone who may post).
  "GET /api/teams/[id]/paging": [read((w) => ({ params: { id: w.catalog.team.id } }))],
  "PUT /api/teams/[id]/paging": [
    {
      allow: COMMANDERS,
      plan: async (w) => ({ params: { id: await w.fresh.team() }, body: { kind: "pagerduty", key: MATRIX_ROUTING_KEY } }),
    },
  ],
  "DELETE /api/teams/[id]/paging": [{ allow: COMMANDERS, plan: async (w) => ({ params: { id: await routedTeam(w) } }) }],
  "POST /api/teams/[id]/paging/test": [{ allow: COMMANDERS, status: 202, plan: async (w) => ({ params: { id: await routedTeam(w) } }) }],
  "DELETE /api/teams/[id]/paging/test": [{ allow: COMMANDERS, status: 202, plan: async (w) => ({ params: { id: await routedTeam(w) } }) }],
  "GET /api/incidents/[id]/pages": [read((w) => ({ params: incident(w) }))],
  "POST /api/incidents/[id]/pages": [
    { allow: WRITERS, status: 201, plan: async (w) => ({ params: incident(w), body: { teamId: await routedTeam(w), reason: "matrix" } }) },
  ],
  "GET /api/settings/paging": [read()],
  "PATCH /api/settings/paging": [{ allow: ADMIN, plan: () => ({ body: { sev1AutoPage: false } }) }],
  "GET /api/settings/status": [read()],
  "PATCH /api/settings/status": [{ allow: ADMIN, plan: () => ({ body: { statusAutoImpact: false } }) }],
  "GET /api/notification-deliveries": [{ allow: ADMIN, plan: () => ({ query: "status=failed" }) }],
  "POST /api/notification-deliveries/[id]/retry": [
    {
      allow: ADMIN,
      status: 202,
      plan: async (w) => ({ params: { id: await seedFailedDelivery(w.org.admin, { name: w.fresh.name("Matrix channel") }) } }),
    },
  ],

  // Incidents
  "GET /api/incidents": [read()],
  "POST /api/incidents": [
    { allow: WRITERS, status: 201, plan: (w) => ({ body: { title: w.fresh.name("Matrix incident"), severity: "SEV3" } }) },
  ],
  "GET /api/incidents/[id]": [read((w) => ({ params: incident(w) }))],
  "PATCH /api/incidents/[id]": [
    {
      variant: "summary",
      allow: WRITERS,
      plan: (w) => ({ params: incident(w), body: { summary: w.fresh.name("Card payments fail at 3DS") } }),
    },
    { variant: "severity", allow: COMMANDERS, plan: (w) => ({ params: incident(w), body: { severity: "SEV1" } }) },
    {
      variant: "severity, of the incident the responder commands",
      allow: WRITERS,
      plan: (w) => ({ params: { id: w.responderIncident.id }, body: { severity: "SEV1" } }),
    },
  ],
  "GET /api/incidents/[id]/blast-radius": [read((w) => ({ params: incident(w) }))],
  "GET /api/incidents/[id]/impact": [read((w) => ({ params: incident(w) }))],
  "PUT /api/incidents/[id]/impact": [
    { allow: WRITERS, plan: (w) => ({ params: incident(w), body: { journeys: { checkout: { degradation: w.fresh.next() % 101 } } } }) },
  ],
  "PUT /api/incidents/[id]/services": [
    { allow: WRITERS, plan: (w) => ({ params: incident(w), body: { serviceIds: [w.catalog.gateway.id] } }) },
  ],
  "POST /api/incidents/[id]/roles": [
    { allow: COMMANDERS, plan: (w) => ({ params: incident(w), body: { role: "scribe", userId: w.org.responder.userId } }) },
    {
      variant: "of the incident the responder commands",
      allow: WRITERS,
      plan: (w) => ({ params: { id: w.responderIncident.id }, body: { role: "scribe", userId: w.org.commander.userId } }),
    },
  ],
  "POST /api/incidents/[id]/responders": [
    {
      variant: "themselves",
      allow: WRITERS,
      plan: (w, caller) => ({ params: incident(w), body: { userId: (caller ?? w.org.responder).userId } }),
    },
    {
      variant: "someone else",
      allow: COMMANDERS,
      plan: (w, caller) => ({ params: incident(w), body: { userId: someoneElse(w, caller).userId } }),
    },
  ],
  "DELETE /api/incidents/[id]/responders/[userId]": [
    {
      variant: "themselves",
      allow: WRITERS,
      malformedIds: USER_ID_CHECKED_FIRST,
      plan: async (w, caller) => {
        const userId = (caller ?? w.org.responder).userId;
        if (caller?.organizationId === w.org.id && caller.role !== "VIEWER")
          await setResponder(w.org.admin, w.incident.id, { userId }, true);
        return { params: { ...incident(w), userId } };
      },
    },
    {
      variant: "someone else",
      allow: COMMANDERS,
      malformedIds: USER_ID_CHECKED_FIRST,
      plan: async (w, caller) => {
        const userId = someoneElse(w, caller).userId;
        await setResponder(w.org.admin, w.incident.id, { userId }, true);
        return { params: { ...incident(w), userId } };
      },
    },
  ],

  // Timeline
  "GET /api/incidents/[id]/events": [read((w) => ({ params: incident(w) }))],
  "POST /api/incidents/[id]/events": [
    {
      allow: WRITERS,
      status: 201,
      plan: (w) => ({ params: incident(w), body: { kind: "note", body: w.fresh.name("Retry storm on OMS") } }),
    },
  ],
  "GET /api/incidents/[id]/events/[seq]": [read((w) => ({ params: entry(w, w.entries.byResponder) }))],
  "PATCH /api/incidents/[id]/events/[seq]": [
    {
      variant: "the responder's own entry",
      allow: WRITERS,
      plan: (w) => ({ params: entry(w, w.entries.byResponder), body: { body: w.fresh.name("Corrected: gateway p99 at 4 s") } }),
    },
    {
      variant: "the commander's entry",
      allow: COMMANDERS,
      plan: (w) => ({ params: entry(w, w.entries.byCommander), body: { body: w.fresh.name("Corrected: rollback started") } }),
    },
  ],
  "GET /api/incidents/[id]/events/[seq]/revisions": [read((w) => ({ params: entry(w, w.entries.byResponder) }))],
  "POST /api/incidents/[id]/events/[seq]/pin": [
    { allow: COMMANDERS, plan: (w) => ({ params: entry(w, w.entries.forPin), body: { pinned: true } }) },
    {
      variant: "in the incident the responder commands",
      allow: WRITERS,
      plan: (w) => ({ params: { id: w.responderIncident.id, seq: String(w.responderIncident.entrySeq) }, body: { pinned: true } }),
    },
  ],
  "POST /api/incidents/[id]/events/[seq]/strike": [
    {
      allow: COMMANDERS,
      plan: async (w) => ({ params: entry(w, await w.fresh.entry(w.org.responder)), body: { reason: "posted to the wrong room" } }),
    },
    {
      variant: "in the incident the responder commands",
      allow: WRITERS,
      plan: async (w) => ({ params: await responderEntry(w), body: { reason: "posted to the wrong room" } }),
    },
  ],
  "DELETE /api/incidents/[id]/events/[seq]/strike": [
    { allow: COMMANDERS, plan: async (w) => ({ params: entry(w, await w.fresh.struckEntry()) }) },
    {
      variant: "in the incident the responder commands",
      allow: WRITERS,
      plan: async (w) => ({ params: await responderEntry(w, { struck: true }) }),
    },
  ],

  // Post-mortems
  "GET /api/incidents/[id]/postmortem": [read(async (w) => ({ params: { id: (await draftOf(w, "read")).incident.id } }))],
  "POST /api/incidents/[id]/postmortem": [
    { allow: WRITERS, status: 201, plan: async (w) => ({ params: { id: await resolvedIncident(w) }, body: {} }) },
  ],
  "GET /api/postmortems/[id]": [read(async (w) => ({ params: await pmParams(draftOf(w, "read")) }))],
  "PATCH /api/postmortems/[id]": [
    { allow: WRITERS, plan: async (w) => ({ params: await pmParams(draftOf(w, "edit")), body: { title: w.fresh.name("Matrix review") } }) },
  ],
  "PUT /api/postmortems/[id]/sections/[key]": [
    {
      allow: WRITERS,
      plan: async (w) => {
        const pm = await getPostmortem(w.org.admin, (await draftOf(w, "edit")).id);
        const lessons = pm.sections.find((s) => s.key === "lessons")!;
        return {
          params: { id: pm.id, key: "lessons" },
          body: { body: w.fresh.name("Flags beat rollbacks"), baseVersion: lessons.version },
        };
      },
    },
  ],
  "POST /api/postmortems/[id]/review-request": [
    {
      allow: WRITERS,
      plan: async (w) => ({ params: await pmParams(draftOf(w, "review")), body: { reviewerIds: [w.org.commander.userId] } }),
    },
  ],
  "POST /api/postmortems/[id]/reviews": [
    {
      allow: WRITERS,
      plan: async (w) => {
        const pm = await draftOf(w, "review");
        await requestReview(w.org.admin, pm.id, { reviewerIds: [w.org.commander.userId] });
        return { params: { id: pm.id }, body: { state: "approved" } };
      },
    },
  ],
  "POST /api/postmortems/[id]/publish": [
    {
      allow: COMMANDERS,
      plan: async (w) => {
        const pm = await seedPostmortem(w.org.admin, { title: w.fresh.name("Matrix publish") });
        await inReview(w, pm);
        return { params: { id: pm.id } };
      },
    },
    {
      variant: "of an incident the responder commanded",
      allow: WRITERS,
      plan: async (w) => {
        const pm = await seedPostmortem(w.org.responder, { title: w.fresh.name("Matrix publish by its commander") });
        await inReview(w, pm);
        return { params: { id: pm.id } };
      },
    },
  ],
  "GET /api/postmortems/[id]/revisions/[number]": [read(async (w) => ({ params: { id: (await publishedOf(w)).id, number: "1" } }))],
  "GET /api/settings/postmortems": [read()],
  "PUT /api/settings/postmortems": [{ allow: ADMIN, plan: () => ({ body: { defaults: { SEV4: "builtin:short" } } }) }],
  "POST /api/settings/postmortems/templates": [
    {
      allow: ADMIN,
      status: 201,
      plan: (w) => ({ body: { name: w.fresh.name("Matrix template"), sections: [{ key: "summary", title: "Summary" }] } }),
    },
  ],
  "PATCH /api/settings/postmortems/templates/[id]": [
    {
      allow: ADMIN,
      plan: async (w) => {
        const t = await createPostmortemTemplate(w.org.admin, {
          name: w.fresh.name("Matrix template"),
          sections: [{ key: "summary", title: "Summary" }],
        });
        return { params: { id: t.key }, body: { description: "Renamed" } };
      },
    },
  ],
  "DELETE /api/settings/postmortems/templates/[id]": [
    {
      allow: ADMIN,
      plan: async (w) => {
        const t = await createPostmortemTemplate(w.org.admin, {
          name: w.fresh.name("Matrix template"),
          sections: [{ key: "summary", title: "Summary" }],
        });
        return { params: { id: t.key } };
      },
    },
  ],
  // Stakeholder updates: the incident's commander or comms lead, or a commander-level role.
  "GET /api/incidents/[id]/stakeholder-updates": [read((w) => ({ params: incident(w) }))],
  "POST /api/incidents/[id]/stakeholder-updates": [
    {
      allow: COMMANDERS,
      status: 201,
      plan: (w) => ({
        params: incident(w),
        body: { affected: w.fresh.name("Card payments fail"), doing: "Failing over to the backup provider", isPublic: false },
      }),
    },
    {
      variant: "of the incident the responder commands",
      allow: WRITERS,
      status: 201,
      plan: (w) => ({
        params: { id: w.responderIncident.id },
        body: { affected: w.fresh.name("Search is slow"), doing: "Scaling search" },
      }),
    },
  ],
  // Survey answers per journey (customer signals), as impact evidence.
  "GET /api/incidents/[id]/customer-signals": [read((w) => ({ params: incident(w) }))],
  // The public status page's data: no session needed; the slug picks the organisation.
  "GET /api/status": [{ allow: "public", plan: () => ({}) }],
  "GET /api/status/[slug]": [
    {
      allow: "public",
      plan: async (w) => ({ params: { slug: (await db().organization.findUniqueOrThrow({ where: { id: w.org.id } })).slug } }),
    },
    { variant: "an organisation that does not exist", allow: "public", status: 404, plan: () => ({ params: { slug: "no-such-shop" } }) },
  ],

  // Catalog
  "GET /api/teams": [read()],
  "POST /api/teams": [{ allow: COMMANDERS, status: 201, plan: (w) => ({ body: { name: w.fresh.name("Fulfilment") } }) }],
  "GET /api/teams/[id]": [read((w) => ({ params: { id: w.catalog.team.id } }))],
  "PATCH /api/teams/[id]": [
    { allow: COMMANDERS, plan: (w) => ({ params: { id: w.catalog.team.id }, body: { description: w.fresh.name("Owns payments") } }) },
  ],
  "DELETE /api/teams/[id]": [
    { variant: "a team without services", allow: COMMANDERS, plan: async (w) => ({ params: { id: await w.fresh.team() } }) },
    {
      variant: "a team that owns services",
      allow: COMMANDERS,
      otherwise: {
        ADMIN: { status: 409, why: "its services must move or go first" },
        COMMANDER: { status: 409, why: "its services must move or go first" },
      },
      plan: (w) => ({ params: { id: w.catalog.team.id } }),
    },
  ],
  "GET /api/services": [read()],
  "POST /api/services": [
    { allow: COMMANDERS, status: 201, plan: (w) => ({ body: { name: w.fresh.name("Search"), teamId: w.catalog.team.id } }) },
  ],
  "GET /api/services/[id]": [read((w) => ({ params: { id: w.catalog.checkout.id } }))],
  "PATCH /api/services/[id]": [
    { allow: COMMANDERS, plan: (w) => ({ params: { id: w.catalog.checkout.id }, body: { description: w.fresh.name("Checkout") } }) },
  ],
  "DELETE /api/services/[id]": [{ allow: COMMANDERS, plan: async (w) => ({ params: { id: await w.fresh.service() } }) }],
  "POST /api/services/[id]/dependencies": [
    {
      allow: COMMANDERS,
      status: 201,
      plan: async (w) => ({ params: { id: await w.fresh.service() }, body: { toId: w.catalog.gateway.id } }),
    },
  ],
  "GET /api/services/[id]/health": [read((w) => ({ params: { id: w.catalog.gateway.id } }))],
  "POST /api/services/[id]/health": [
    { allow: WRITERS, plan: (w) => ({ params: { id: w.catalog.gateway.id }, body: { status: "ok", message: "all green" } }) },
  ],
  "PATCH /api/dependencies/[id]": [
    { allow: COMMANDERS, plan: (w) => ({ params: { id: w.catalog.dependency.id }, body: { isAsync: false } }) },
  ],
  "DELETE /api/dependencies/[id]": [{ allow: COMMANDERS, plan: async (w) => ({ params: { id: await w.fresh.dependency() } }) }],
  "GET /api/catalog/graph": [read()],
  "GET /api/catalog/export": [read()],

  // Post-mortem library, follow-ups and insights: everyone reads; writers manage action items.
  "GET /api/postmortems": [read()],
  "GET /api/postmortems/[id]/action-items": [read(async (w) => ({ params: await postmortem(w) }))],
  "POST /api/postmortems/[id]/action-items": [
    {
      allow: WRITERS,
      status: 201,
      plan: async (w) => ({ params: await postmortem(w), body: { title: w.fresh.name("Matrix follow-up") } }),
    },
  ],
  "GET /api/postmortems/[id]/export.md": [read(async (w) => ({ params: await postmortem(w) }))],
  "GET /api/action-items": [read()],
  "PATCH /api/action-items/[id]": [
    { allow: WRITERS, plan: async (w) => ({ params: await freshActionItem(w), body: { status: "in_progress" } }) },
  ],
  "DELETE /api/action-items/[id]": [{ allow: WRITERS, plan: async (w) => ({ params: await freshActionItem(w) }) }],
  "GET /api/insights": [read()],
  "GET /api/readiness": [read()],
  // Game-day drills: everyone reads them; admins and commanders start and cancel them.
  "GET /api/drills": [read()],
  "GET /api/drills/scenarios": [read()],
  "POST /api/drills": [{ allow: COMMANDERS, status: 201, plan: (w) => ({ body: { yaml: drillYaml(w), speed: 5 } }) }],
  "POST /api/drills/[id]/cancel": [{ allow: COMMANDERS, plan: async (w) => ({ params: await runningDrill(w) }) }],
  // Drill reports: every call ends a fresh running drill, so each allowed caller gets a 200 of its own.
  "POST /api/drills/[id]/end": [{ allow: COMMANDERS, plan: async (w) => ({ params: { id: (await seedPracticeDrill(w.org.admin)).id } }) }],
  "GET /api/drills/[id]/report": [read(async (w) => ({ params: { id: (await seedPracticeDrill(w.org.admin)).id } }))],
  "POST /api/catalog/import": [
    {
      allow: COMMANDERS,
      plan: (w) => ({
        body: `version: 1\nteams:\n  - name: ${w.fresh.name("Imported team")}\n`,
        headers: { "content-type": "application/yaml" },
      }),
    },
  ],
};

/** Another organisation's entities, for requests that name them in the body. */
export interface ForeignIds {
  userId: string;
  teamId: string;
  serviceId: string;
}

export interface ForeignReference {
  key: string;
  /** What an admin of this organisation gets for naming the other one's entity: never 2xx. */
  status: 404 | 422;
  /** The field the 422 names. */
  field: string;
  plan(world: MatrixWorld, foreign: ForeignIds): RequestPlan | Promise<RequestPlan>;
}

// An id from another organisation in a body is an unknown entity of this one: refused, never linked.
export const FOREIGN_REFERENCES: ForeignReference[] = [
  {
    key: "POST /api/incidents/[id]/events",
    status: 422,
    field: "data.teamId",
    plan: (w, f) => ({
      params: incident(w),
      body: { kind: "notification", body: "Told their payments team", data: { target: "Payments", channel: "chat", teamId: f.teamId } },
    }),
  },
  {
    key: "PATCH /api/incidents/[id]/events/[seq]",
    status: 422,
    field: "data.teamId",
    plan: async (w, f) => {
      const told = {
        kind: "notification",
        body: "Told payments",
        data: { target: "Payments", channel: "chat", teamId: w.catalog.team.id },
      };
      const { event } = await postEvent(w.org.admin, w.incident.id, told);
      return { params: entry(w, event.seq), body: { data: { teamId: f.teamId } } };
    },
  },
  {
    key: "PUT /api/incidents/[id]/services",
    status: 422,
    field: "serviceIds",
    plan: (w, f) => ({ params: incident(w), body: { serviceIds: [f.serviceId] } }),
  },
  {
    key: "POST /api/incidents/[id]/roles",
    status: 422,
    field: "userId",
    plan: (w, f) => ({ params: incident(w), body: { role: "scribe", userId: f.userId } }),
  },
  {
    key: "POST /api/incidents/[id]/responders",
    status: 422,
    field: "userId",
    plan: (w, f) => ({ params: incident(w), body: { userId: f.userId } }),
  },
  {
    key: "POST /api/incidents/[id]/pages",
    status: 422,
    field: "teamId",
    plan: (w, f) => ({ params: incident(w), body: { teamId: f.teamId } }),
  },
  {
    key: "PUT /api/teams/[id]/paging",
    status: 422,
    field: "escalationTeamId",
    plan: async (w, f) => ({
      params: { id: await w.fresh.team() },
      body: { kind: "pagerduty", key: MATRIX_ROUTING_KEY, escalation: "team", escalationTeamId: f.teamId },
    }),
  },
  {
    key: "POST /api/postmortems/[id]/review-request",
    status: 422,
    field: "reviewerIds",
    plan: async (w, f) => ({ params: await pmParams(draftOf(w, "review")), body: { reviewerIds: [f.userId] } }),
  },
  {
    key: "POST /api/teams",
    status: 422,
    field: "memberIds",
    plan: (w, f) => ({ body: { name: w.fresh.name("Borrowed people"), memberIds: [f.userId] } }),
  },
  {
    key: "PATCH /api/teams/[id]",
    status: 422,
    field: "memberIds",
    plan: (w, f) => ({ params: { id: w.catalog.team.id }, body: { memberIds: [f.userId] } }),
  },
  {
    key: "POST /api/services",
    status: 422,
    field: "teamId",
    plan: (w, f) => ({ body: { name: w.fresh.name("Borrowed team"), teamId: f.teamId } }),
  },
  {
    key: "PATCH /api/services/[id]",
    status: 422,
    field: "teamId",
    plan: (w, f) => ({ params: { id: w.catalog.checkout.id }, body: { teamId: f.teamId } }),
  },
  {
    key: "POST /api/integrations",
    status: 422,
    field: "defaultServiceId",
    plan: (w, f) => ({ body: { kind: "generic", name: w.fresh.name("Borrowed service"), defaultServiceId: f.serviceId } }),
  },
  {
    key: "PATCH /api/integrations/[id]",
    status: 422,
    field: "serviceRules.0.serviceId",
    plan: (w, f) => ({
      params: { id: w.integration.id },
      body: { serviceRules: [{ label: "service", value: "gateway", serviceId: f.serviceId }] },
    }),
  },
  {
    key: "POST /api/postmortems/[id]/action-items",
    status: 422,
    field: "ownerTeamId",
    plan: async (w, f) => ({ params: await postmortem(w), body: { title: "Borrowed team", ownerTeamId: f.teamId } }),
  },
  {
    key: "PATCH /api/action-items/[id]",
    status: 422,
    field: "ownerUserId",
    plan: async (w, f) => ({ params: await freshActionItem(w), body: { ownerUserId: f.userId } }),
  },
  {
    key: "POST /api/services/[id]/dependencies",
    status: 422,
    field: "toId",
    plan: (w, f) => ({ params: { id: w.catalog.checkout.id }, body: { toId: f.serviceId } }),
  },
];
