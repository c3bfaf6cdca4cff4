// Client-safe shape of an action item as the API and pages see it.
import { z } from "zod";
import { SEVERITIES } from "../vocabulary/incidents.ts";
import { POSTMORTEM_STATUSES } from "../vocabulary/postmortems.ts";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATUSES } from "./constants.ts";

// The answer's shape, once: the DTO type is inferred from it and the OpenAPI document's
// `ActionItem` is generated from it (lib/openapi/response-schemas.ts).
const time = z.iso.datetime();

export const ZActionItemOwner = z.object({ kind: z.enum(["user", "team"]), id: z.uuid(), name: z.string() });
export type ActionItemOwner = z.infer<typeof ZActionItemOwner>;

export const ZActionItem = z
  .object({
    id: z.uuid(),
    postmortemId: z.uuid(),
    title: z.string(),
    description: z.string(),
    owner: ZActionItemOwner.nullable(),
    dueDate: z.iso.date().nullable().describe("A calendar day in the organisation's time zone."),
    priority: z.enum(ACTION_ITEM_PRIORITIES),
    status: z.enum(ACTION_ITEM_STATUSES),
    ticketUrl: z.string().nullable(),
    completedAt: time.nullable(),
    createdAt: time,
    updatedAt: time,
    isOverdue: z.boolean().describe("Due before today (organisation's zone) and neither done nor dropped."),
    postmortem: z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.enum(POSTMORTEM_STATUSES),
      incident: z.object({ id: z.uuid(), ref: z.string(), title: z.string(), severity: z.enum(SEVERITIES) }),
    }),
  })
  .describe("A follow-up of a post-mortem: who does what by when.");
export type ActionItemDto = z.infer<typeof ZActionItem>;

export interface ActionItemListDto {
  items: ActionItemDto[];
  /** The organisation's today, so a client can tell overdue items apart the same way. */
  today: string;
}

/** A post-mortem action item was created, changed or deleted (`item` is null when deleted). */
export interface ActionItemChange {
  action: "created" | "updated" | "deleted";
  id: string;
  postmortemId: string;
  item: ActionItemDto | null;
}

// The socket events that carry this DTO, added to realtime's event map (lib/realtime/protocol.ts).
declare module "../realtime/protocol.ts" {
  interface ServerToClientEvents {
    "action-item:changed": (payload: ActionItemChange) => void;
  }
}
