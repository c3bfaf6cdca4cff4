"use client";
import { useMemo, useState } from "react";
import type { RoleName } from "@/lib/auth/permissions.ts";
import type { ServiceSummaryDto } from "@/lib/catalog/list-services.ts";
import type { DrillDto } from "@/lib/drills/drill-dto.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import type { NamedTeam } from "@/lib/timeline/match-team.ts";
import { DrillBanner } from "../drills/drill-banner.tsx";
import { RoomContext, type IncidentRoomContext } from "../incidents/room-context.ts";
import { useBlastRadius } from "../incidents/use-blast-radius.ts";
import { useIncidentAction } from "../incidents/use-incident-action.ts";
import { useLiveIncident } from "../incidents/use-live-incident.ts";
import { useConnection } from "../realtime/use-connection.ts";
import { cn } from "../ui/cn.ts";
import { RoomHeader } from "./room-header.tsx";
import { RoomSidePanel } from "./room-side-panel.tsx";
import { TimelinePanel } from "./timeline-panel.tsx";
import { useIncidentRoom } from "./use-incident-room.ts";

interface Props {
  incident: IncidentDto;
  events: TimelineEventDto[];
  hasOlder: boolean;
  canPost: boolean;
  viewer: { userId: string; role: RoleName };
  services: ServiceSummaryDto[];
  teams: NamedTeam[];
  /** The latest stakeholder update when the page was rendered (kept live in the side panel). */
  stakeholderUpdate: StakeholderUpdateDto | null;
  /** The game-day drill this practice incident belongs to, if it is one. */
  drill?: DrillDto | null;
}

export function IncidentRoom({
  incident: initialIncident,
  events,
  hasOlder,
  canPost,
  viewer,
  services,
  teams,
  stakeholderUpdate,
  drill = null,
}: Props) {
  const { incident, apply } = useLiveIncident(initialIncident);
  const room = useIncidentRoom(initialIncident, events, hasOlder, apply);
  const action = useIncidentAction(incident.id, apply);
  const connection = useConnection();
  const [panelOpen, setPanelOpen] = useState(false);
  const unsent = room.state.pending.length;
  const notificationsVersion = useMemo(() => {
    // Only notifications and changes to them move a team's state; pins and outcomes do not.
    const touched = room.state.events.filter(
      (e) =>
        e.kind === "notification" || (e.kind === "amendment" && (e.data?.entry as { kind?: string } | undefined)?.kind === "notification"),
    );
    return `${touched.length}:${touched.at(-1)?.seq ?? 0}`;
  }, [room.state.events]);
  const serviceKey = incident.services
    .map((s) => s.id)
    .sort()
    .join(",");
  const blastRadius = useBlastRadius(incident.id, serviceKey, notificationsVersion);
  const ctx = useMemo<IncidentRoomContext>(
    () => ({
      incident,
      viewer,
      services,
      teams,
      run: action.run,
      attempt: action.attempt,
      busy: action.busy,
      error: action.error,
      post: room.post,
      notificationsVersion,
      blastRadius,
    }),
    [
      incident,
      viewer,
      services,
      teams,
      action.run,
      action.attempt,
      action.busy,
      action.error,
      room.post,
      notificationsVersion,
      blastRadius,
    ],
  );

  return (
    <RoomContext.Provider value={ctx}>
      <div className="flex h-[calc(100dvh-3rem)] flex-col">
        {drill ? <DrillBanner drill={drill} events={room.state.events} isResolved={incident.status === "resolved"} /> : null}
        <RoomHeader
          connection={connection === "live" && room.isServerDown ? "degraded" : connection}
          pending={unsent}
          presence={room.presence}
          onTogglePanel={() => setPanelOpen((o) => !o)}
          onOpenPanel={() => setPanelOpen(true)}
          panelOpen={panelOpen}
          stakeholderUpdate={stakeholderUpdate}
        />
        <div className="relative mx-auto grid min-h-0 w-full max-w-[1600px] flex-1 grid-cols-1 lg:grid-cols-[1fr_340px]">
          <main className="flex min-h-0 flex-col">
            <TimelinePanel room={room} viewer={viewer} commanderId={incident.commander?.id ?? null} canPost={canPost} teams={teams} />
          </main>
          {/* Beside the timeline on a laptop; a drawer over it on smaller screens. */}
          <div
            id="incident-panel"
            className={cn(
              "min-h-0 lg:static lg:block",
              panelOpen ? "absolute inset-y-0 right-0 z-20 block w-[min(340px,100%)] shadow-2xl" : "hidden",
            )}
          >
            <RoomSidePanel presence={room.presence} stakeholderUpdate={stakeholderUpdate} />
          </div>
        </div>
      </div>
    </RoomContext.Provider>
  );
}
