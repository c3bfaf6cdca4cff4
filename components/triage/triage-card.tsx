"use client";
import Link from "next/link";
import { JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import { formatPerMinute } from "@/lib/impact/format.ts";
import { DrillBadge } from "../drills/drill-badge.tsx";
import { SeverityBadge } from "../incidents/severity-badge.tsx";
import { StatusBadge } from "../incidents/status-badge.tsx";
import { TickingLoss } from "../impact/ticking-loss.tsx";
import { OverdueFlag } from "../stakeholder/overdue-flag.tsx";
import { IncidentClock } from "../time/incident-clock.tsx";
import { cn } from "../ui/cn.ts";
import type { LiveRow } from "./use-triage.ts";
import { EstimatedTag } from "../impact/estimated-tag.tsx";

/** The board on a phone: one card per incident, the money first. */
export function TriageCard({ live }: { live: LiveRow }) {
  const { incident, impact, teamsNotNotified } = live.row;
  const hurting = impact.journeys.filter((j) => j.degradation > 0);
  return (
    <li data-testid="triage-card">
      <Link
        href={`/incidents/${incident.id}`}
        className="block space-y-2 rounded-lg border border-line bg-surface p-3 hover:border-line-strong"
      >
        <div className="flex items-center gap-2">
          <SeverityBadge severity={incident.severity} />
          <StatusBadge status={incident.status} />
          {incident.drillId ? <DrillBadge /> : null}
          <span className="ml-auto font-mono text-xs text-ink-faint">{incident.ref}</span>
        </div>
        <p className="font-medium [overflow-wrap:anywhere]">{incident.title}</p>
        <OverdueFlag dueAt={live.row.stakeholderUpdateDueAt} />
        <dl className="grid grid-cols-3 gap-2 text-xs">
          <div>
            <dt className="text-ink-muted">At risk</dt>
            <dd className={cn("font-mono text-sm font-semibold tabular", impact.perMinute.revenue > 0 ? "text-sev1" : "")}>
              {formatPerMinute(impact.perMinute.revenue, impact.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">Lost so far</dt>
            <dd className="font-mono text-sm tabular">
              <TickingLoss impact={impact} receivedAt={live.receivedAt} />
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">Open for</dt>
            <dd className="text-sm">
              <IncidentClock startedAt={incident.startedAt} resolvedAt={null} />
            </dd>
          </div>
        </dl>
        <p className="text-xs text-ink-muted">
          {hurting.length ? hurting.map((j) => `${JOURNEY_LABELS[j.journey]} ${j.degradation}%`).join(" · ") : "Impact not set yet"}
          {impact.estimated ? <EstimatedTag /> : null}
          {" · "}
          {incident.commander?.name ??
            (incident.suggestedCommander ? `no commander (suggested: ${incident.suggestedCommander.name})` : "no commander")}
          {teamsNotNotified.length ? (
            <span className="text-warn">
              {" "}
              · {teamsNotNotified.length} team{teamsNotNotified.length === 1 ? "" : "s"} not told
            </span>
          ) : null}
        </p>
      </Link>
    </li>
  );
}
