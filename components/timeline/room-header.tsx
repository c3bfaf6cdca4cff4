"use client";
import Link from "next/link";
import { HeaderImpact } from "../impact/header-impact.tsx";
import { useRoom } from "../incidents/room-context.ts";
import { SeverityControl, StatusControl } from "../incidents/status-control.tsx";
import { PresenceSummary } from "../presence/presence-list.tsx";
import type { PresenceStore } from "../presence/presence-store.ts";
import { ConnectionIndicator } from "../realtime/connection-indicator.tsx";
import type { ConnectionState } from "../realtime/use-connection.ts";
import { IncidentClock } from "../time/incident-clock.tsx";
import { Button } from "../ui/button.tsx";

interface Props {
  connection: ConnectionState;
  pending: number;
  presence: PresenceStore;
  panelOpen: boolean;
  onTogglePanel: () => void;
}

/** Always visible: what is broken, how bad, who leads, for how long, and whether we are live. */
export function RoomHeader({ connection, pending, presence, panelOpen, onTogglePanel }: Props) {
  const { incident } = useRoom();
  return (
    <header className="sticky top-0 z-10 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto max-w-[1600px] space-y-2 px-4 py-3">
        <div className="flex flex-wrap items-start gap-x-3 gap-y-1.5 lg:flex-nowrap">
          <Link href="/incidents" className="pt-1.5 font-mono text-xs whitespace-nowrap text-ink-faint hover:text-ink">
            {incident.ref}
          </Link>
          <SeverityControl />
          {/* On a phone the title gets a row of its own, so what is broken can be read in full; a long
              unbroken token (a URL, a pasted error) wraps instead of widening the page. */}
          <h1 className="order-last line-clamp-3 min-w-0 basis-full text-lg leading-7 font-semibold [overflow-wrap:anywhere] lg:order-none lg:flex-1 lg:basis-auto lg:truncate" title={incident.title}>
            {incident.title}
          </h1>
          <div className="ml-auto flex shrink-0 items-center gap-2 pt-0.5">
            <ConnectionIndicator state={connection} pending={pending} />
            <Button size="sm" variant="secondary" className="h-7 lg:hidden" aria-expanded={panelOpen} aria-controls="incident-panel" onClick={onTogglePanel}>
              {panelOpen ? "Close" : "Details"}
            </Button>
          </div>
        </div>
        <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
          <div className="flex items-center gap-2">
            <dt className="sr-only">Status</dt>
            <dd><StatusControl /></dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt className="text-ink-muted">Commander</dt>
            <dd className="font-medium" data-testid="commander">{incident.commander?.name ?? "Unassigned"}</dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt className="text-ink-muted">{incident.resolvedAt ? "Lasted" : "Open for"}</dt>
            <dd><IncidentClock startedAt={incident.startedAt} resolvedAt={incident.resolvedAt} /></dd>
          </div>
          <HeaderImpact incidentId={incident.id} />
          {incident.customerStatus ? (
            <div className="flex min-w-0 items-center gap-1.5">
              <dt className="text-ink-muted">Customers see</dt>
              <dd className="max-w-[28rem] truncate" title={incident.customerStatus}>{incident.customerStatus}</dd>
            </div>
          ) : null}
          {/* The side panel is hidden on small screens: keep who is here visible in one line. */}
          <div className="flex min-w-0 items-center gap-1.5 lg:hidden">
            <dt className="text-ink-muted">Here</dt>
            <dd className="truncate">
              <PresenceSummary store={presence} />
            </dd>
          </div>
        </dl>
      </div>
    </header>
  );
}
