import { ZActionData, ZHypothesisData, ZLinkData, ZNotificationData } from "../../timeline/event-data.ts";
import { ZAmendEvent, ZListEvents, ZPinEvent, ZPostEvent, ZStrikeEvent } from "../../timeline/schemas.ts";
import { jsonSchemaOf } from "../json-schema-of.ts";
import { ref } from "../response-schemas.ts";
import type { ApiOperation, JsonSchema } from "../types.ts";
import { EVERYONE, WRITERS } from "./roles.ts";

const entryParams = { id: "The incident's id.", seq: "The entry's sequence number in its incident." };

/** `data` depends on `kind`; ZPostEvent checks it per kind with these schemas. */
const kindData = (): JsonSchema => ({
  description:
    "Per kind: action `{ outcome }` (default pending), hypothesis `{ state }` (default open), notification `{ target, channel, acknowledgedAt?, teamId? }` (`teamId` ties it to a catalog team), link `{ url }` (http/https). None for notes and decisions. A bad field is a 422 naming `data.<field>`.",
  anyOf: [
    { title: "action", ...jsonSchemaOf(ZActionData) },
    { title: "hypothesis", ...jsonSchemaOf(ZHypothesisData) },
    { title: "notification", ...jsonSchemaOf(ZNotificationData) },
    { title: "link", ...jsonSchemaOf(ZLinkData) },
  ],
});

const change = {
  200: {
    description:
      "`{ entry, amendment }`: the entry as it is now and the `amendment` entry that records the change (null when nothing changed).",
    schema: {
      type: "object",
      properties: { entry: ref("TimelineEvent"), amendment: { anyOf: [ref("TimelineEvent"), { type: "null" }] } },
      required: ["entry", "amendment"],
    },
  },
};

export const TIMELINE_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/incidents/{id}/events",
    operationId: "listEvents",
    tag: "Timeline",
    summary: "Read the timeline: catch up, page back, or filter the history",
    description:
      "The stream: `after=<seq>` (catch up, never filtered) or `before=<seq>` (older), `limit` 1–500 (default 100); without `after` the newest page. The history view adds `kind`, `author`, `pinned`, `q`, `includeStruck` and leaves out amendments (unless `kind` names `amendment`) and struck-through entries (unless `includeStruck=true`). Filters with `after` are a 422 naming `after`.",
    auth: "session-or-token",
    roles: EVERYONE,
    params: {
      id: "The incident's id.",
      after: "Entries after this seq (catching up after a reconnect).",
      before: "Entries before this seq (older pages).",
      limit: "Page size, 1–500.",
      kind: "Comma list of kinds.",
      author: "Only this user's entries.",
      pinned: "Only pinned (true) or unpinned (false) entries.",
      q: "Text in the body, any case.",
      includeStruck: "Include struck-through entries.",
    },
    query: ZListEvents,
    responses: {
      200: {
        description: "`{ events: [Event], lastSeq, hasMore }` in sequence order.",
        schema: {
          type: "object",
          properties: {
            events: { type: "array", items: ref("TimelineEvent") },
            lastSeq: { type: "integer" },
            hasMore: { type: "boolean" },
          },
          required: ["events", "lastSeq", "hasMore"],
        },
      },
    },
  },
  {
    method: "POST",
    path: "/api/incidents/{id}/events",
    operationId: "postEvent",
    tag: "Timeline",
    summary: "Post an entry",
    description:
      "Gets the next `seq` and is pushed to the room. Send a `clientId` to retry safely: the same `clientId` again answers 200 with the stored entry. `occurredAt` back-dates it (not in the future).",
    auth: "session-or-token",
    roles: WRITERS,
    params: { id: "The incident's id." },
    body: { schema: ZPostEvent, properties: { data: kindData() } },
    responses: {
      201: { description: "The new entry.", schema: ref("TimelineEvent") },
      200: { description: "That `clientId` was already stored: the stored entry.", schema: ref("TimelineEvent") },
    },
  },
  {
    method: "GET",
    path: "/api/incidents/{id}/events/{seq}",
    operationId: "getEvent",
    tag: "Timeline",
    summary: "Get one entry as it is now",
    auth: "session-or-token",
    roles: EVERYONE,
    params: entryParams,
    responses: { 200: { description: "The entry.", schema: ref("TimelineEvent") } },
  },
  {
    method: "PATCH",
    path: "/api/incidents/{id}/events/{seq}",
    operationId: "amendEvent",
    tag: "Timeline",
    summary: "Correct an entry, or change its outcome, state or acknowledgement",
    description:
      "`data` is merged into the entry's data and re-validated. The previous body and data are kept as a revision and an `amendment` entry records the change. Entries the system wrote cannot be corrected (422 naming `seq`); a struck-through entry cannot be changed until restored (409).",
    auth: "session-or-token",
    roles: WRITERS,
    rolesNote: "your own entries: any writer; anyone's: commander-level or the incident's commander",
    params: entryParams,
    body: { schema: ZAmendEvent },
    responses: { ...change, 409: { description: "The entry is struck through.", schema: ref("Error") } },
  },
  {
    method: "POST",
    path: "/api/incidents/{id}/events/{seq}/pin",
    operationId: "pinEvent",
    tag: "Timeline",
    summary: "Pin or unpin a key moment",
    auth: "session-or-token",
    roles: WRITERS,
    rolesNote: "a COMMANDER or ADMIN, or a responder who commands this incident; other responders get a 403",
    params: entryParams,
    body: { schema: ZPinEvent },
    responses: { ...change, 409: { description: "The entry is struck through.", schema: ref("Error") } },
  },
  {
    method: "POST",
    path: "/api/incidents/{id}/events/{seq}/strike",
    operationId: "strikeEvent",
    tag: "Timeline",
    summary: "Strike an entry through",
    description: "The entry stays, marked with who struck it and why; striking also unpins.",
    auth: "session-or-token",
    roles: WRITERS,
    rolesNote: "a COMMANDER or ADMIN, or a responder who commands this incident; other responders get a 403",
    params: entryParams,
    body: { schema: ZStrikeEvent },
    responses: { ...change, 409: { description: "Already struck through.", schema: ref("Error") } },
  },
  {
    method: "DELETE",
    path: "/api/incidents/{id}/events/{seq}/strike",
    operationId: "restoreEvent",
    tag: "Timeline",
    summary: "Restore a struck-through entry",
    auth: "session-or-token",
    roles: WRITERS,
    rolesNote: "a COMMANDER or ADMIN, or a responder who commands this incident; other responders get a 403",
    params: entryParams,
    responses: change,
  },
  {
    method: "GET",
    path: "/api/incidents/{id}/events/{seq}/revisions",
    operationId: "listRevisions",
    tag: "Timeline",
    summary: "Earlier versions of an entry",
    auth: "session-or-token",
    roles: EVERYONE,
    params: entryParams,
    responses: {
      200: {
        description: "`{ entry, revisions: [{ id, body, data, editedBy {id,name}, replacedAt }] }`, oldest first.",
        schema: {
          type: "object",
          properties: { entry: ref("TimelineEvent"), revisions: { type: "array", items: { type: "object" } } },
          required: ["entry", "revisions"],
        },
      },
    },
  },
];
