"use client";
import Link from "next/link";
import type { IncidentDto } from "@/lib/incidents/incident-dto.ts";
import { SeverityBadge } from "../../incidents/severity-badge.tsx";
import { StatusBadge } from "../../incidents/status-badge.tsx";

interface Props {
  incident: IncidentDto;
  counts: { impacted: number; affected: number; teams: number };
}

/** The map opened from a room: what it shows, and the way back. */
export function IncidentBanner({ incident, counts }: Props) {
  return (
    <div role="region" aria-label="Incident view" data-testid="incident-banner" className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-accent/40 bg-accent/10 px-4 py-2 text-sm">
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
  );
}
