// First: route handlers load next/server, and Next's request scope must exist before it does.
import { inRequestScope } from "./next-request-scope.ts";
import type { Actor } from "../../lib/auth/actor.ts";
import { createIntegration } from "../../lib/integrations/create-integration.ts";
import { postEvent } from "../../lib/timeline/post-event.ts";
import { freshState, type MatrixWorld, type RequestPlan } from "../integration/authorization-matrix.spec-table.ts";
import { callRoute, type RouteAnswer } from "./call-route.ts";
import { fillRoutePath, type DiscoveredRoute, type HttpMethod } from "./route-matrix.ts";
import { seedCatalog, seedIncident, seedOrganization } from "./seed.ts";

// What the tests that walk every route share (authorization matrix, strict updates, hostile input):
// the organisation the matrix's request plans name, and how a planned request is sent. Kept apart
// from route-matrix.ts, which the unit tests use without a database.

/** The organisation under test, seeded through the write paths, as the matrix's plans expect it. */
export async function seedMatrixWorld(name: string): Promise<MatrixWorld> {
  const org = await seedOrganization(name);
  const incident = await seedIncident(org.admin, { title: "Acme checkout down" });
  const catalog = await seedCatalog(org.admin);
  const alerts = await createIntegration(org.admin, { kind: "generic", name: `${name} synthetic checks` });
  const note = async (author: Actor, body: string, incidentId = incident.id) =>
    (await postEvent(author, incidentId, { kind: "note", body })).event.seq;
  const responderIncident = await seedIncident(org.responder, { title: "Acme search slow" });
  return {
    org,
    incident,
    responderIncident: { id: responderIncident.id, entrySeq: await note(org.responder, "Search p95 at 2 s", responderIncident.id) },
    catalog,
    integration: { id: alerts.integration.id, secret: alerts.secret },
    entries: {
      byResponder: await note(org.responder, "Gateway p99 at 4 s"),
      byCommander: await note(org.commander, "Rolling back the returns release"),
      forPin: await note(org.responder, "Checkout recovered after rollback"),
    },
    fresh: freshState(
      org,
      () => incident.id,
      () => catalog,
    ),
  };
}

/** The URL path (with query) a plan asks for. */
export const plannedPath = (route: DiscoveredRoute, plan: RequestPlan) =>
  fillRoutePath(route.path, plan.params ?? {}) + (plan.query ? `?${plan.query}` : "");

/**
 * Calls a route in-process as Next would, inside a request scope (next-auth's route needs one),
 * with the plan's parameters and query and `body` (the plan's own unless given).
 */
export function callPlanned(
  route: DiscoveredRoute,
  method: HttpMethod,
  plan: RequestPlan,
  headers: Record<string, string>,
  body: unknown = plan.body,
): Promise<RouteAnswer> {
  const params = plan.params ?? {};
  return inRequestScope(route.path, headers, () =>
    callRoute(route.handlers[method]!, { method, path: plannedPath(route, plan), params, headers, body }),
  );
}
