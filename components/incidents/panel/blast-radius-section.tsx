"use client";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { JOURNEY_LABELS } from "@/lib/catalog/constants.ts";
import type { BlastRadiusDto } from "@/lib/incidents/get-blast-radius.ts";
import { apiRequest } from "../../api/api-client.ts";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";
import { TeamNotifyRow } from "./team-notify-row.tsx";
import type { IncidentPagesDto } from "@/lib/paging/page-dto.ts";

/** Who depends on what is broken, and so which teams must be told, with the path that says why. */
export function BlastRadiusSection() {
  const { incident, notificationsVersion } = useRoom();
  const serviceKey = incident.services.map((s) => s.id).sort().join(",");
  const [radius, setRadius] = useState<BlastRadiusDto | null>(null);
  const [paging, setPaging] = useState<IncidentPagesDto | null>(null);
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  // Refetched when the impacted set changes or a notification entry is added or amended.
  useEffect(() => {
    if (!serviceKey) return;
    let cancelled = false;
    void apiRequest<BlastRadiusDto>(`/api/incidents/${incident.id}/blast-radius`).then((res) => {
      if (cancelled) return;
      setFailed(!res.ok);
      if (res.ok) setRadius(res.data);
    });
    // Pages (and which teams can be paged) move with the same notification entries.
    void apiRequest<IncidentPagesDto>(`/api/incidents/${incident.id}/pages`).then((res) => {
      if (!cancelled && res.ok) setPaging(res.data);
    });
    return () => {
      cancelled = true;
    };
  }, [incident.id, serviceKey, notificationsVersion, version]);

  if (!serviceKey) return null;
  return (
    <PanelSection title={`Teams to tell (${radius ? `${radius.teams.filter((t) => !t.notification).length} not told of ${radius.teams.length}` : "…"})`}>
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
