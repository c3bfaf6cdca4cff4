import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publicUrl } from "../env.ts";
import { notFound } from "../errors/app-error.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { PAGE_EVENTS } from "./constants.ts";
import { queuePageRequest, routeSelect } from "./queue-page.ts";
import { testDedupKey } from "./render-page.ts";
import { findTeamOrThrow } from "./route-record.ts";

/**
 * A test page (or its cancellation: resolve / close of the same key), whatever the route's
 * state, so a person can check the key and the on-call phone, then stop it ringing.
 */
export async function sendTestPage(
  actor: Actor,
  teamId: string,
  options: { cancel?: boolean } = {},
): Promise<{ deliveryId: string; dedupKey: string }> {
  assertCan(actor, "catalog:edit");
  const result = await db().$transaction(async (tx) => {
    const team = await findTeamOrThrow(tx, actor, teamId);
    const route = await tx.pagingRoute.findUnique({ where: { teamId: team.id }, select: routeSelect });
    if (!route) throw notFound("Paging route");
    const dedupKey = testDedupKey(route.id);
    const deliveryId = await queuePageRequest(tx, {
      organizationId: actor.organizationId,
      route,
      event: options.cancel ? PAGE_EVENTS.cancelTest : PAGE_EVENTS.test,
      message: {
        action: options.cancel ? "resolve" : "trigger",
        dedupKey,
        incident: {
          id: route.id,
          ref: "TEST",
          title: `Test page for ${team.name}`,
          severity: "SEV4",
          url: `${publicUrl()}/catalog/teams/${team.id}`,
          services: [],
        },
        reason: `${actor.name} sent a test page from the team's page in Warroom`,
        pagedBy: actor.name,
        isTest: true,
      },
      pageId: null,
      incidentId: null,
    });
    // Only a drill's incident is ever left unqueued; a test page has no incident.
    if (!deliveryId) throw new Error("test page was not queued");
    await recordAudit(tx, actor, {
      action: options.cancel ? "paging_route.test_cancel" : "paging_route.test",
      entityType: "PagingRoute",
      entityId: route.id,
      after: { deliveryId },
    });
    return { deliveryId, dedupKey };
  });
  kickOutbound();
  return result;
}
