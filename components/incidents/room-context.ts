"use client";
import { createContext, useContext } from "react";
import type { RoleName } from "@/lib/auth/permissions.ts";
import type { ServiceSummaryDto } from "@/lib/catalog/list-services.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { PostableKind } from "@/lib/vocabulary/timeline.ts";
import type { NamedTeam } from "@/lib/timeline/match-team.ts";
import type { BlastRadiusState } from "./use-blast-radius.ts";
import type { FieldedResult } from "./use-incident-action.ts";

export interface IncidentRoomContext {
  incident: IncidentDto;
  viewer: { userId: string; role: RoleName };
  services: ServiceSummaryDto[];
  /** The catalog's teams: who a notification can name (`/notify` autocompletes from these). */
  teams: NamedTeam[];
  run: (path: string, method: string, body?: unknown) => Promise<boolean>;
  /** A write whose error the control shows at its own field. */
  attempt: (path: string, method: string, body?: unknown) => Promise<FieldedResult>;
  busy: boolean;
  error: string | null;
  /** Posts a timeline entry through the room's outbox (never lost when offline). */
  post: (kind: PostableKind, body: string, occurredAt?: string, data?: Record<string, unknown> | null) => void;
  /** Changes whenever a notification entry is added or amended, so derived views can refresh. */
  notificationsVersion: string;
  /** Who depends on what is broken and who was told: shared by the header and the side panel. */
  blastRadius: BlastRadiusState;
}

export const RoomContext = createContext<IncidentRoomContext | null>(null);

/** The room's incident, who is looking, and how to change it, for the controls around it. */
export function useRoom(): IncidentRoomContext {
  const ctx = useContext(RoomContext);
  if (!ctx) throw new Error("useRoom must be used inside an incident room");
  return ctx;
}
