import { assertCan, type Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { generateSigningSecret } from "../outbound/sign-webhook.ts";
import { loadPagingEndpoints } from "./paging-config.ts";
import { routeDtoSelect, toRouteDto, type PagingRouteDto } from "./route-dto.ts";
import { ZSetPagingRoute } from "./schemas.ts";
import { invalidField } from "../errors/field-errors.ts";
import { auditView, findTeamOrThrow } from "./route-record.ts";

/** Creates or changes the team's route; `secret` is the page webhook's signing secret, returned only when new. */
export async function setPagingRoute(
  actor: Actor,
  teamId: string,
  input: unknown,
): Promise<{ route: PagingRouteDto; secret: string | null }> {
  assertCan(actor, "catalog:edit");
  const data = ZSetPagingRoute.parse(input);
  return db().$transaction(async (tx) => {
    const team = await findTeamOrThrow(tx, actor, teamId);
    const before = await tx.pagingRoute.findUnique({ where: { teamId: team.id }, select: routeDtoSelect });
    const isNewKind = !before || before.channel.kind !== data.kind;
    if (data.kind !== "webhook" && !data.key && isNewKind)
      throw invalidField(
        "key",
        data.kind === "pagerduty"
          ? "the integration (routing) key of a PagerDuty Events API v2 integration is required"
          : "the API key of an Opsgenie API integration is required",
      );
    if (data.kind === "pagerduty" && data.key && data.key.length !== 32)
      throw invalidField("key", "a PagerDuty routing key is 32 characters");
    if (data.kind === "webhook" && !data.url && isNewKind) throw invalidField("url", "the page webhook's address is required");
    if (data.kind !== "webhook" && data.url) throw invalidField("url", "only a page webhook has an address");
    if (data.kind !== "opsgenie" && data.responders.length) throw invalidField("responders", "only Opsgenie takes responders");
    if (data.escalation === "team" && !data.escalationTeamId) throw invalidField("escalationTeamId", "choose the team to escalate to");
    if (data.escalationTeamId) {
      if (data.escalationTeamId === team.id) throw invalidField("escalationTeamId", "a team cannot escalate to itself");
      const other = await tx.team.findFirst({
        where: { id: data.escalationTeamId, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!other) throw invalidField("escalationTeamId", "no such team in your organisation");
    }
    const newSecret = data.kind === "webhook" && (isNewKind || data.rotateSecret) ? generateSigningSecret() : null;
    const endpoints = loadPagingEndpoints();
    const url =
      data.kind === "webhook"
        ? (data.url ?? before?.channel.url ?? "")
        : data.kind === "pagerduty"
          ? endpoints.pagerDutyEventsUrl
          : endpoints.opsgenieApiUrl;
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
      row = await tx.pagingRoute.create({
        data: { organizationId: actor.organizationId, teamId: team.id, channelId: channel.id, ...routeData },
        select: routeDtoSelect,
      });
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
