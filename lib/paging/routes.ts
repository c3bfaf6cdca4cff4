// Paging routes per team (catalog → team; ADMIN and COMMANDER). The key lives in a channel the
// route owns, stored like every channel secret and never returned; the signed page webhook gets
// a generated signing secret, shown once.
import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import { publicUrl } from "../env.ts";
import type { Prisma } from "../db/generated/client.ts";
import { notFound } from "../errors/app-error.ts";
import { kickOutbound } from "../outbound/kick-outbound.ts";
import { generateSigningSecret } from "../outbound/sign-webhook.ts";
import { z } from "zod";
import { PAGE_EVENTS } from "./constants.ts";
import { loadPagingEndpoints } from "./paging-config.ts";
import { queuePageRequest, routeSelect } from "./queue-page.ts";
import { routeDtoSelect, toRouteDto, type PagingRouteDto } from "./route-dto.ts";
import { testDedupKey } from "./render-page.ts";
import { ZSetPagingRoute } from "./schemas.ts";
import { invalidField } from "../errors/field-errors.ts";

type Tx = Prisma.TransactionClient;

async function findTeamOrThrow(tx: Tx, actor: Actor, teamId: string) {
  if (!z.uuid().safeParse(teamId).success) throw notFound("Team");
  const team = await tx.team.findFirst({ where: { id: teamId, organizationId: actor.organizationId }, select: { id: true, name: true } });
  if (!team) throw notFound("Team");
  return team;
}

/** The audit log keeps what changed, never a key. */
const auditView = (dto: PagingRouteDto) => ({ ...dto, updatedAt: undefined });

export async function getPagingRoute(actor: Actor, teamId: string): Promise<{ route: PagingRouteDto | null }> {
  assertCan(actor, "incident:read");
  const team = await findTeamOrThrow(db(), actor, teamId);
  const row = await db().pagingRoute.findUnique({ where: { teamId: team.id }, select: routeDtoSelect });
  return { route: row ? toRouteDto(row) : null };
}

/** Creates or changes the team's route; `secret` is the page webhook's signing secret, returned only when new. */
export async function setPagingRoute(actor: Actor, teamId: string, input: unknown): Promise<{ route: PagingRouteDto; secret: string | null }> {
  assertCan(actor, "catalog:edit");
  const data = ZSetPagingRoute.parse(input);
  return db().$transaction(async (tx) => {
    const team = await findTeamOrThrow(tx, actor, teamId);
    const before = await tx.pagingRoute.findUnique({ where: { teamId: team.id }, select: routeDtoSelect });
    const isNewKind = !before || before.channel.kind !== data.kind;
    if (data.kind !== "webhook" && !data.key && isNewKind) throw invalidField("key", data.kind === "pagerduty" ? "the integration (routing) key of a PagerDuty Events API v2 integration is required" : "the API key of an Opsgenie API integration is required");
    if (data.kind === "pagerduty" && data.key && data.key.length !== 32) throw invalidField("key", "a PagerDuty routing key is 32 characters");
    if (data.kind === "webhook" && !data.url && isNewKind) throw invalidField("url", "the page webhook's address is required");
    if (data.kind !== "webhook" && data.url) throw invalidField("url", "only a page webhook has an address");
    if (data.kind !== "opsgenie" && data.responders.length) throw invalidField("responders", "only Opsgenie takes responders");
    if (data.escalation === "team" && !data.escalationTeamId) throw invalidField("escalationTeamId", "choose the team to escalate to");
    if (data.escalationTeamId) {
      if (data.escalationTeamId === team.id) throw invalidField("escalationTeamId", "a team cannot escalate to itself");
      const other = await tx.team.findFirst({ where: { id: data.escalationTeamId, organizationId: actor.organizationId }, select: { id: true } });
      if (!other) throw invalidField("escalationTeamId", "no such team in your organisation");
    }
    const newSecret = data.kind === "webhook" && (isNewKind || data.rotateSecret) ? generateSigningSecret() : null;
    const endpoints = loadPagingEndpoints();
    const url = data.kind === "webhook" ? (data.url ?? before?.channel.url ?? "") : data.kind === "pagerduty" ? endpoints.pagerDutyEventsUrl : endpoints.opsgenieApiUrl;
    const secret = newSecret ?? (data.kind === "webhook" ? undefined : data.key);
    const channelData = { kind: data.kind, url, isEnabled: data.isEnabled, ...(secret ? { secret } : {}) };
    const routeData = {
      responders: data.responders as Prisma.InputJsonValue,
      escalateAfterMinutes: data.escalateAfterMinutes,
      escalation: data.escalation,
      escalationTeamId: data.escalationTeamId,
    };
    let row;
    if (before) {
      await tx.outboundChannel.update({ where: { id: before.channel.id }, data: channelData });
      row = await tx.pagingRoute.update({ where: { id: before.id }, data: routeData, select: routeDtoSelect });
    } else {
      // Named by the team's id: unique by construction, and never listed with the notification channels.
      const channel = await tx.outboundChannel.create({
        data: { organizationId: actor.organizationId, teamId: team.id, name: `page:${team.id}`, events: [], ...channelData },
        select: { id: true },
      });
      row = await tx.pagingRoute.create({ data: { organizationId: actor.organizationId, teamId: team.id, channelId: channel.id, ...routeData }, select: routeDtoSelect });
    }
    const route = toRouteDto(row);
    await recordAudit(tx, actor, {
      action: before ? (data.key || newSecret ? "paging_route.rotate_key" : "paging_route.update") : "paging_route.create",
      entityType: "PagingRoute",
      entityId: route.id,
      before: before ? auditView(toRouteDto(before)) : undefined,
      after: auditView(route),
    });
    return { route, secret: newSecret };
  });
}

export async function deletePagingRoute(actor: Actor, teamId: string): Promise<{ deleted: { id: string; teamId: string } }> {
  assertCan(actor, "catalog:edit");
  return db().$transaction(async (tx) => {
    const team = await findTeamOrThrow(tx, actor, teamId);
    const row = await tx.pagingRoute.findUnique({ where: { teamId: team.id }, select: routeDtoSelect });
    if (!row) throw notFound("Paging route");
    // The channel owns the route (cascade) and its queued pages, which are not sent.
    await tx.outboundChannel.delete({ where: { id: row.channel.id } });
    await recordAudit(tx, actor, { action: "paging_route.delete", entityType: "PagingRoute", entityId: row.id, before: auditView(toRouteDto(row)) });
    return { deleted: { id: row.id, teamId: team.id } };
  });
}

/**
 * A test page (or its cancellation: resolve / close of the same key), whatever the route's
 * state, so a person can check the key and the on-call phone, then stop it ringing.
 */
export async function sendTestPage(actor: Actor, teamId: string, options: { cancel?: boolean } = {}): Promise<{ deliveryId: string; dedupKey: string }> {
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
        incident: { id: route.id, ref: "TEST", title: `Test page for ${team.name}`, severity: "SEV4", url: `${publicUrl()}/catalog/teams/${team.id}`, services: [] },
        reason: `${actor.name} sent a test page from the team's page in Warroom`,
        pagedBy: actor.name,
        isTest: true,
      },
      pageId: null,
      incidentId: null,
    });
    // Only a drill's incident is ever left unqueued; a test page has no incident.
    if (!deliveryId) throw new Error("test page was not queued");
    await recordAudit(tx, actor, { action: options.cancel ? "paging_route.test_cancel" : "paging_route.test", entityType: "PagingRoute", entityId: route.id, after: { deliveryId } });
    return { deliveryId, dedupKey };
  });
  kickOutbound();
  return result;
}
