"use client";
import { useCallback, useState } from "react";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { apiRequest } from "../api/api-client.ts";

export type FieldedResult = { ok: true } | { ok: false; message: string; fields: Record<string, string> };

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
  /** Like run, but the error is the caller's to show at its field (nothing at the panel's top). */
  const attempt = useCallback(
    async (path: string, method: string, body?: unknown): Promise<FieldedResult> => {
      setBusy(true);
      const res = await apiRequest<IncidentDto>(`/api/incidents/${incidentId}${path}`, { method, body });
      setBusy(false);
      if (res.ok) {
        apply(res.data);
        return { ok: true };
      }
      const message = res.error.status === 0 ? "Offline: not saved. Try again when the connection is back." : res.error.message;
      return { ok: false, message, fields: res.error.fields };
    },
    [incidentId, apply],
  );
  return { run, attempt, busy, error, clearError: () => setError(null) };
}
