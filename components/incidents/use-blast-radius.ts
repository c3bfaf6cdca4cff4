"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { BlastRadiusDto } from "@/lib/incidents/get-blast-radius.ts";
import { apiRequest } from "../api/api-client.ts";

export interface BlastRadiusState {
  radius: BlastRadiusDto | null;
  failed: boolean;
  refresh: () => void;
  /** Bumped by refresh, so views that read alongside the radius (pages) refetch with it. */
  version: number;
}

/**
 * The room's blast radius, fetched once for the header ("N teams not told") and the side panel:
 * refetched when the impacted set changes or a notification entry is added or amended.
 */
export function useBlastRadius(incidentId: string, serviceKey: string, notificationsVersion: string): BlastRadiusState {
  const [radius, setRadius] = useState<BlastRadiusDto | null>(null);
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!serviceKey) return;
    let cancelled = false;
    void apiRequest<BlastRadiusDto>(`/api/incidents/${incidentId}/blast-radius`).then((res) => {
      if (cancelled) return;
      setFailed(!res.ok);
      if (res.ok) setRadius(res.data);
    });
    return () => {
      cancelled = true;
    };
  }, [incidentId, serviceKey, notificationsVersion, version]);
  const shown = serviceKey ? radius : null;
  return useMemo(() => ({ radius: shown, failed, refresh, version }), [shown, failed, refresh, version]);
}
