"use client";
import Link from "next/link";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { SeverityBadge } from "../../incidents/severity-badge.tsx";
import { StatusBadge } from "../../incidents/status-badge.tsx";

/** One service of the blast radius, for the phone list. */
export interface RadiusItem {
  id: string;
  name: string;
  team: string;
  /** "Impacted", or "Affected · 2 hops". */
  role: string;
}

interface Props {
  incident: IncidentDto;
  counts: { impacted: number; affected: number; teams: number };
  radius: RadiusItem[];
}

/** The map opened from a room: what it shows, and the way back. */
export function IncidentBanner({ incident, counts, radius }: Props) {
  return (
    <>
      <div
        role="region"
        aria-label="Incident view"
        data-testid="incident-banner"
        className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-accent/40 bg-accent/10 px-4 py-2 text-sm"
      >
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        <span className="font-mono text-xs text-ink-muted">{incident.ref}</span>
        <span className="min-w-0 truncate font-medium text-ink">{incident.title}</span>
        <span className="text-ink-muted tabular">
          {counts.impacted === 0
            ? "No services marked impacted yet: mark them in the room to see the blast radius."
            : `${counts.impacted} impacted · ${counts.affected} in the blast radius · ${counts.teams} ${counts.teams === 1 ? "team" : "teams"} to tell`}
        </span>
        <span className="ml-auto flex items-center gap-3">
          <Link href={`/incidents/${incident.id}`} className="font-medium text-accent hover:underline">
            ← Back to the room
          </Link>
          <Link href="/map" className="text-ink-muted hover:text-ink hover:underline">
            Whole map
          </Link>
        </span>
      </div>
      {/* On a phone the graph shrinks to dots: the blast radius as a list, open by default. */}
      {radius.length ? (
        <details open className="border-b border-line bg-surface px-4 py-2 text-sm sm:hidden" data-testid="radius-list">
          <summary className="cursor-pointer font-medium text-ink">Blast radius ({radius.length})</summary>
          <ul className="mt-2 max-h-[40dvh] space-y-1.5 overflow-y-auto">
            {radius.map((r) => (
              <li key={r.id} className="flex items-baseline justify-between gap-3">
                <span className="min-w-0">
                  <span className="font-medium text-ink">{r.name}</span>
                  <span className="text-xs text-ink-muted"> · {r.team}</span>
                </span>
                <span className="shrink-0 text-xs text-ink-muted">{r.role}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
