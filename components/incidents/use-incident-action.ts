"use client";
import { useCallback, useState } from "react";
import type { IncidentDto } from "@/lib/incidents/incident-dto.ts";
import { apiRequest } from "../api/api-client.ts";

/** Runs one incident write, applies the answer, and keeps its error (field-named) to show. */
export function useIncidentAction(incidentId: string, apply: (incident: IncidentDto) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (path: string, method: string, body?: unknown): Promise<boolean> => {
      setBusy(true);
      setError(null);
      const res = await apiRequest<IncidentDto>(`/api/incidents/${incidentId}${path}`, { method, body });
      setBusy(false);
      if (res.ok) {
        apply(res.data);
        return true;
      }
      setError(res.error.status === 0 ? "Offline: not saved. Try again when the connection is back." : res.error.message);
      return false;
    },
    [incidentId, apply],
  );
  return { run, busy, error, clearError: () => setError(null) };
}
