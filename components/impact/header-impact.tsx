"use client";
import { formatPerMinute } from "@/lib/impact/format.ts";
import { cn } from "../ui/cn.ts";
import { TickingLoss } from "./ticking-loss.tsx";
import { useIncidentImpact } from "./use-incident-impact.ts";

/** Money at stake in the room header: $/min now and loss so far, ticking. Items of its <dl>. */
export function HeaderImpact({ incidentId }: { incidentId: string }) {
  const { snapshot, failed } = useIncidentImpact(incidentId);
  const impact = snapshot?.impact;
  const atRisk = (impact?.perMinute.revenue ?? 0) > 0;
  return (
    <>
      <div className="flex items-center gap-1.5">
        <dt className="text-ink-muted">At risk</dt>
        <dd
          data-testid="impact-per-minute"
          className={cn("font-mono font-semibold tabular", atRisk ? "text-sev1" : "text-ink")}
          title={impact ? `${Math.round(impact.priority.revenueShare * 100)}% of revenue per minute right now` : undefined}
        >
          {impact ? formatPerMinute(impact.perMinute.revenue, impact.currency) : failed ? "unavailable" : "…"}
        </dd>
      </div>
      <div className="flex items-center gap-1.5">
        <dt className="text-ink-muted">{impact?.endedAt ? "Lost" : "Lost so far"}</dt>
        <dd data-testid="impact-loss" className="font-mono font-semibold tabular">
          {impact && snapshot ? <TickingLoss impact={impact} receivedAt={snapshot.receivedAt} /> : failed ? "unavailable" : "…"}
        </dd>
      </div>
    </>
  );
}
