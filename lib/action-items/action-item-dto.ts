// Client-safe shape of an action item as the API and pages see it.
import type { ActionItemPriorityName, ActionItemStatusName } from "./constants.ts";

export interface ActionItemOwner {
  kind: "user" | "team";
  id: string;
  name: string;
}

export interface ActionItemDto {
  id: string;
  postmortemId: string;
  title: string;
  description: string;
  owner: ActionItemOwner | null;
  /** "YYYY-MM-DD", a calendar day in the organisation's time zone. */
  dueDate: string | null;
  priority: ActionItemPriorityName;
  status: ActionItemStatusName;
  ticketUrl: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Due before today (organisation's zone) and not done or dropped. */
  isOverdue: boolean;
  postmortem: {
    id: string;
    title: string;
    status: "draft" | "in_review" | "published";
    incident: { id: string; ref: string; title: string; severity: "SEV1" | "SEV2" | "SEV3" | "SEV4" };
  };
}

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
