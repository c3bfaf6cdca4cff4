"use client";
import type { IncidentDto } from "@/lib/incidents/incident-dto.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { useConnection } from "../realtime/use-connection.ts";
import { Composer } from "./composer.tsx";
import { RoomHeader } from "./room-header.tsx";
import { RoomSidePanel } from "./room-side-panel.tsx";
import { TimelineList } from "./timeline-list.tsx";
import { useIncidentRoom } from "./use-incident-room.ts";

interface Props {
  incident: IncidentDto;
  events: TimelineEventDto[];
  hasOlder: boolean;
  canPost: boolean;
}

export function IncidentRoom({ incident: initialIncident, events, hasOlder, canPost }: Props) {
  const room = useIncidentRoom(initialIncident, events, hasOlder);
  const connection = useConnection();
  const unsent = room.state.pending.length;
  return (
    <div className="flex h-[calc(100dvh-3rem)] flex-col">
      <RoomHeader incident={room.incident} connection={connection} pending={unsent} presence={room.presence} />
      <div className="mx-auto grid min-h-0 w-full max-w-[1600px] flex-1 grid-cols-1 lg:grid-cols-[1fr_320px]">
        <main className="flex min-h-0 flex-col">
          <TimelineList state={room.state} onLoadOlder={() => void room.loadOlder()} onRetry={room.retry} onDiscard={room.discard} />
          {canPost ? (
            <Composer onPost={room.post} />
          ) : (
            <p className="border-t border-line bg-surface p-4 text-sm text-ink-muted">
              You have read-only access. Ask an admin for the responder role to post.
            </p>
          )}
        </main>
        <div className="hidden min-h-0 lg:block">
          <RoomSidePanel incident={room.incident} presence={room.presence} />
        </div>
      </div>
    </div>
  );
}
