"use client";
import { useEffect, useState } from "react";
import { JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import type { CustomerSignalsDto } from "@/lib/signals/customer-signals-dto.ts";
import { apiRequest } from "../api/api-client.ts";

const REFRESH_MS = 60_000;

/**
 * Survey answers per journey in the last 30 minutes, as evidence beside the impact figures:
 * "37 survey responses mention checkout in the last 30 min". Nothing when no survey tool sends.
 */
export function CustomerSignals({ incidentId }: { incidentId: string }) {
  const [signals, setSignals] = useState<CustomerSignalsDto | null>(null);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const res = await apiRequest<CustomerSignalsDto>(`/api/incidents/${incidentId}/customer-signals`);
      if (live && res.ok) setSignals(res.data);
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [incidentId]);
  if (!signals?.journeys.length) return null;
  return (
    <div className="space-y-1.5 rounded-md border border-line p-2" data-testid="customer-signals">
      <p className="text-xs font-medium text-ink-muted">Customers are telling us (surveys, last {signals.windowMinutes} min)</p>
      <ul className="space-y-1.5">
        {signals.journeys.map((j) => (
          <li key={j.journey} className="text-xs">
            <p>
              <span className="font-mono font-semibold text-ink tabular">{j.responses}</span> survey response{j.responses === 1 ? "" : "s"}{" "}
              mention <span className="font-medium text-ink">{JOURNEY_LABELS[j.journey].toLowerCase()}</span>
              {j.averageScore !== null ? <span className="text-ink-muted"> · avg score {j.averageScore}</span> : null}
              {j.touchesIncident ? null : <span className="text-ink-faint"> · not marked on this incident</span>}
            </p>
            {j.comments.map((c) => (
              <p key={`${c.at}-${c.text}`} className="truncate text-ink-faint" title={c.text}>
                “{c.text}”
              </p>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
