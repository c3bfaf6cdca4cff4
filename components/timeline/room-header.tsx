"use client";
import Link from "next/link";
import { HeaderImpact } from "../impact/header-impact.tsx";
import { useRoom } from "../incidents/room-context.ts";
import { SeverityControl, StatusControl } from "../incidents/status-control.tsx";
import { PresenceSummary } from "../presence/presence-list.tsx";
import type { PresenceStore } from "../presence/presence-store.ts";
import { ConnectionIndicator } from "../realtime/connection-indicator.tsx";
import type { ConnectionState } from "../realtime/use-connection.ts";
import { formatClock, formatDateTime } from "@/lib/time/format.ts";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import { PublishPrompt } from "../stakeholder/publish-prompt.tsx";
import { IncidentClock } from "../time/incident-clock.tsx";
import { useTimeZone } from "../time/time-zone.tsx";
import { useNow } from "../time/use-now.ts";
import { Button } from "../ui/button.tsx";

interface Props {
  connection: ConnectionState;
  pending: number;
  presence: PresenceStore;
  panelOpen: boolean;
  onTogglePanel: () => void;
  /** Opens the side panel (a drawer on small screens) before jumping to one of its sections. */
  onOpenPanel: () => void;
  /** The latest stakeholder update when the page was rendered: the publish prompt watches it. */
  stakeholderUpdate: StakeholderUpdateDto | null;
}

/** "Started 06:47:02 CET" (with the day when not today): the clock time the incident began. */
function StartedAt({ iso }: { iso: string }) {
  const now = useNow(60_000);
  const { timeZone } = useTimeZone();
  const date = new Date(iso);
  if (!now) return <time dateTime={iso}>&nbsp;</time>;
  const sameDay = formatDateTime(date, timeZone).split(",")[0] === formatDateTime(now, timeZone).split(",")[0];
  return (
    <time dateTime={iso} className="font-mono tabular" title={formatDateTime(date, timeZone, true)} data-zoned="" data-testid="started-at">
      {sameDay ? formatClock(date, timeZone) : formatDateTime(date, timeZone, true)}
    </time>
  );
}

/** "2 teams not told": a link to them in the side panel, since telling them is the next job. */
function TeamsNotTold({ onOpenPanel }: { onOpenPanel: () => void }) {
  const { blastRadius } = useRoom();
  const teams = blastRadius.radius?.teams;
  if (!teams?.length) return null;
  const untold = teams.filter((t) => !t.notification).length;
  return (
    <div className="flex items-center gap-1.5">
      <dt className="sr-only">Teams to tell</dt>
      <dd>
        <a
          href="#teams-to-tell"
          data-testid="header-teams-not-told"
          className={untold ? "font-medium text-warn underline-offset-2 hover:underline" : "text-ok underline-offset-2 hover:underline"}
          onClick={(e) => {
            e.preventDefault();
            onOpenPanel();
            // After the drawer has opened on a small screen.
            requestAnimationFrame(() => document.getElementById("teams-to-tell")?.scrollIntoView({ block: "start" }));
          }}
        >
          {untold ? (
            <>
              <span aria-hidden>○ </span>
              {untold} team{untold === 1 ? "" : "s"} not told
            </>
          ) : (
            <>
              <span aria-hidden>✓ </span>All {teams.length} teams told
            </>
          )}
        </a>
      </dd>
    </div>
  );
}

/** Always visible: what is broken, how bad, who leads, for how long, and whether we are live. */
export function RoomHeader({ connection, pending, presence, panelOpen, onTogglePanel, onOpenPanel, stakeholderUpdate }: Props) {
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
          <h1
            className="order-last line-clamp-3 min-w-0 basis-full text-lg leading-7 font-semibold [overflow-wrap:anywhere] lg:order-none lg:flex-1 lg:basis-auto lg:truncate"
            title={incident.title}
          >
            {incident.title}
          </h1>
          <div className="ml-auto flex shrink-0 items-center gap-2 pt-0.5">
            <ConnectionIndicator state={connection} pending={pending} />
            <Button
              size="sm"
              variant="secondary"
              className="h-7 lg:hidden"
              aria-expanded={panelOpen}
              aria-controls="incident-panel"
              onClick={onTogglePanel}
            >
              {panelOpen ? "Close" : "Details"}
            </Button>
          </div>
        </div>
        <dl className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm">
          <div className="flex items-center gap-2">
            <dt className="sr-only">Status</dt>
            <dd>
              <StatusControl />
            </dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt className="text-ink-muted">Commander</dt>
            <dd className="font-medium" data-testid="commander">
              {incident.commander?.name ?? "Unassigned"}
            </dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt className="text-ink-muted">Started</dt>
            <dd>
              <StartedAt iso={incident.startedAt} />
            </dd>
          </div>
          <div className="flex items-center gap-1.5">
            <dt className="text-ink-muted">{incident.resolvedAt ? "Lasted" : "Open for"}</dt>
            <dd>
              <IncidentClock startedAt={incident.startedAt} resolvedAt={incident.resolvedAt} />
            </dd>
          </div>
          <TeamsNotTold onOpenPanel={onOpenPanel} />
          <PublishPrompt initial={stakeholderUpdate} />
          <HeaderImpact incidentId={incident.id} />
          {incident.customerStatus ? (
            <div className="flex min-w-0 items-center gap-1.5">
              <dt className="text-ink-muted">Customers see</dt>
              <dd className="max-w-[28rem] truncate" title={incident.customerStatus}>
                {incident.customerStatus}
              </dd>
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
