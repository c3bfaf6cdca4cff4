import { notPermitted, sessionEnded } from "../auth/actor.ts";
import { notFound } from "../errors/app-error.ts";
import { publishTimelineEvent } from "../realtime/emit.ts";
import { type InsertOutcome, type PostedEvent } from "./insert-posted-event.ts";
import { type TimelineEventDto } from "./event-dto.ts";
import type { z } from "zod";
import { type ZPostEvent } from "./schemas.ts";

export interface PostEventResult {
  event: TimelineEventDto;
  /** False when this clientId was stored before: a retry, answered with the original entry. */
  created: boolean;
}

export function toPosted(incidentId: string, data: z.infer<typeof ZPostEvent>): PostedEvent {
  return {
    incidentId,
    kind: data.kind,
    body: data.body,
    data: data.data ?? null,
    clientId: data.clientId ?? null,
    occurredAt: data.occurredAt ? new Date(data.occurredAt) : null,
  };
}

/** The stored entry, published after commit; any other outcome is the error the API answers. */
export function stored(result: InsertOutcome): TimelineEventDto {
  if (result.outcome === "no_user") throw sessionEnded();
  if (result.outcome === "not_permitted") throw notPermitted(result.role, "timeline:post");
  if (result.outcome === "no_incident") throw notFound("Incident");
  publishTimelineEvent(result.event);
  return result.event;
}
