import { OUTBOUND_EVENTS } from "../../outbound/events.ts";
import { ZCreateChannel, ZListDeliveries, ZUpdateChannel } from "../../outbound/schemas.ts";
import { ref } from "../response-schemas.ts";
import type { ApiOperation } from "../types.ts";
import { ADMINS } from "./roles.ts";

const object = { type: "object" };
const channel =
  "`Channel`: `id, kind, name, url, urlPreview, hasSecret, events, isEnabled, acceptsDrills, team {id,name} | null` (null: every incident; `acceptsDrills`: hears game-day drills, marked [DRILL]; other channels never do), `createdAt, updatedAt, stats { pending, delivered, failed, lastDeliveredAt }`.";
const delivery =
  "`Delivery`: `id, event, status, attempts, nextAttemptAt` (pending only), `lastStatusCode, lastError, deliveredAt, createdAt, channel { id, name, kind }, incident { id, ref, title } | null`.";
const queued = {
  description: `\`{ delivery }\`: queued; the background sender posts it shortly. ${delivery}`,
  schema: { type: "object", properties: { delivery: object }, required: ["delivery"] },
};
const id = { id: "The channel's id." };

export const NOTIFICATION_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/notification-channels",
    operationId: "listNotificationChannels",
    tag: "Notifications",
    summary: "List notification channels",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    responses: {
      200: {
        description: `\`{ channels: [Channel] }\`. ${channel}`,
        schema: { type: "object", properties: { channels: { type: "array", items: object } }, required: ["channels"] },
      },
    },
  },
  {
    method: "POST",
    path: "/api/notification-channels",
    operationId: "createNotificationChannel",
    tag: "Notifications",
    summary: "Add a Slack, Teams or signed-webhook channel",
    description: `\`teamId\` narrows it to incidents touching that team; null (the default) hears every incident. \`events\` defaults to all of ${OUTBOUND_EVENTS.join(", ")}. The URL is https, or plain http only inside your own network (localhost, private addresses, *.local, *.internal); link-local addresses (cloud metadata) are refused. A refused URL is a 422 naming \`url\`; a name already taken is a 422 naming \`name\`. Audited without URL tokens or secrets.`,
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    body: { schema: ZCreateChannel },
    responses: {
      201: {
        description: `\`{ channel, secret }\`: \`secret\` signs webhook bodies; it is set only for webhooks and shown only now (null otherwise). ${channel}`,
        schema: {
          type: "object",
          properties: { channel: object, secret: { anyOf: [{ type: "string" }, { type: "null" }] } },
          required: ["channel", "secret"],
        },
      },
    },
  },
  {
    method: "GET",
    path: "/api/notification-channels/{id}",
    operationId: "getNotificationChannel",
    tag: "Notifications",
    summary: "Get a notification channel",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: id,
    responses: { 200: { description: `The channel. ${channel}`, schema: object } },
  },
  {
    method: "PATCH",
    path: "/api/notification-channels/{id}",
    operationId: "updateNotificationChannel",
    tag: "Notifications",
    summary: "Change a channel or rotate its signing secret",
    description:
      "Any subset of the fields. `rotateSecret: true` (signed webhooks only) issues a new secret; the old one stops signing at once.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: id,
    body: { schema: ZUpdateChannel },
    responses: {
      200: {
        description: `\`{ channel, secret }\`: \`secret\` is the new one when rotated, null otherwise. ${channel}`,
        schema: {
          type: "object",
          properties: { channel: object, secret: { anyOf: [{ type: "string" }, { type: "null" }] } },
          required: ["channel", "secret"],
        },
      },
    },
  },
  {
    method: "DELETE",
    path: "/api/notification-channels/{id}",
    operationId: "deleteNotificationChannel",
    tag: "Notifications",
    summary: "Delete a channel",
    description: "Its delivery log goes too; queued messages are not sent.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: id,
    responses: {
      200: {
        description: "`{ deleted: { id, name } }`.",
        schema: {
          type: "object",
          properties: { deleted: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } } },
          required: ["deleted"],
        },
      },
    },
  },
  {
    method: "POST",
    path: "/api/notification-channels/{id}/test",
    operationId: "testNotificationChannel",
    tag: "Notifications",
    summary: "Send a test message",
    description: "Queued whatever the channel's events or whether it is enabled; watch its delivery for the answer.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: id,
    responses: { 202: queued },
  },
  {
    method: "GET",
    path: "/api/notification-deliveries",
    operationId: "listNotificationDeliveries",
    tag: "Notifications",
    summary: "The delivery log, newest first",
    description: "Page back with `before` (the last delivery id of the previous page) while `hasMore`.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: {
      status: "Only deliveries in this state.",
      channelId: "Only this channel's deliveries.",
      before: "A delivery id: the page starts after it.",
      limit: "Page size, 1–200 (default 50).",
    },
    query: ZListDeliveries,
    responses: {
      200: {
        description: `\`{ deliveries: [Delivery], hasMore }\`. ${delivery}`,
        schema: {
          type: "object",
          properties: { deliveries: { type: "array", items: object }, hasMore: { type: "boolean" } },
          required: ["deliveries", "hasMore"],
        },
      },
    },
  },
  {
    method: "POST",
    path: "/api/notification-deliveries/{id}/retry",
    operationId: "retryNotificationDelivery",
    tag: "Notifications",
    summary: "Send a failed delivery again",
    description: "The same bytes as before, queued now.",
    auth: "session-or-token",
    scope: "admin",
    roles: ADMINS,
    params: { id: "The delivery's id." },
    responses: { 202: queued, 409: { description: "Not failed: already delivered or still queued.", schema: ref("Error") } },
  },
];
