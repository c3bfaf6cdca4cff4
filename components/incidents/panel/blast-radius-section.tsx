"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import { JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";
import { TeamNotifyRow } from "./team-notify-row.tsx";
import type { IncidentPagesDto } from "@/lib/paging/page-dto.ts";

/** Who depends on what is broken, and so which teams must be told, with the path that says why. */
export function BlastRadiusSection() {
  const { incident, blastRadius, notificationsVersion } = useRoom();
  const { radius, failed, refresh, version } = blastRadius;
  const serviceKey = incident.services
    .map((s) => s.id)
    .sort()
    .join(",");
  const [paging, setPaging] = useState<IncidentPagesDto | null>(null);

  // Pages (and which teams can be paged) move with the same notification entries as the radius.
  useEffect(() => {
    if (!serviceKey) return;
    let cancelled = false;
    void apiRequest<IncidentPagesDto>(`/api/incidents/${incident.id}/pages`).then((res) => {
      if (!cancelled && res.ok) setPaging(res.data);
    });
    return () => {
      cancelled = true;
    };
  }, [incident.id, serviceKey, notificationsVersion, version]);

  if (!serviceKey) return null;
  return (
    <PanelSection
      id="teams-to-tell"
      title={`Teams to tell (${radius ? `${radius.teams.filter((t) => !t.notification).length} not told of ${radius.teams.length}` : "…"})`}
    >
      {failed ? <p className="text-sev1">Could not load the blast radius; it will refresh with the next change.</p> : null}
      {radius ? (
        <div className="space-y-3">
          <ul className="space-y-3" data-testid="teams-to-notify">
            {radius.teams.map((t) => (
              <TeamNotifyRow key={t.team.id} row={t} onChanged={refresh} paging={paging} />
            ))}
          </ul>
          {radius.journeys.length ? (
            <p className="text-xs">
              <span className="text-ink-muted">Journeys touched: </span>
              {radius.journeys.map((j) => (JOURNEY_LABELS as Record<string, string>)[j] ?? j).join(", ")}
            </p>
          ) : null}
          {radius.suspects.length ? (
            <p className="text-xs">
              <span className="text-ink-muted">Look downstream at: </span>
              {radius.suspects.map((s) => s.service.name).join(", ")}
            </p>
          ) : null}
          <Link href={`/map?incident=${incident.id}`} className="inline-block text-xs text-accent hover:underline">
            View on map →
          </Link>
        </div>
      ) : (
        <p className="text-ink-muted">Working out who depends on it…</p>
      )}
    </PanelSection>
  );
}
