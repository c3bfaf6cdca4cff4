"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
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

const SHOWN_TEAMS = 3;

export function TriageRow({ live, rank }: { live: LiveRow; rank: number }) {
  const router = useRouter();
  const { incident, impact, teamsNotNotified, teamsTotal } = live.row;
  const href = `/incidents/${incident.id}`;
  const hurting = impact.journeys.filter((j) => j.degradation > 0);
  const suggested = impact.priority.suggestedSeverity;
  return (
    // The title is the link (keyboard and screen readers); the whole row is a click target too.
    <tr
      data-testid="triage-row"
      data-incident-id={incident.id}
      className="cursor-pointer align-top hover:bg-raised/60"
      onClick={() => router.push(href)}
    >
      <td className="px-3 py-3 text-right font-mono text-ink-muted tabular" title={`Rank ${rank}`}>
        {Math.round(impact.priority.score)}
      </td>
      <td className="max-w-[28rem] px-3 py-3">
        <Link href={href} className="group block" onClick={(e) => e.stopPropagation()}>
          <span className="mr-2 font-mono text-xs text-ink-faint">{incident.ref}</span>
          {incident.drillId ? <DrillBadge className="mr-2" /> : null}
          <span className="font-medium text-ink [overflow-wrap:anywhere] group-hover:underline">{incident.title}</span>
        </Link>
        <OverdueFlag dueAt={live.row.stakeholderUpdateDueAt} />
        {hurting.length ? (
          <p className="mt-0.5 text-xs text-ink-muted">
            {hurting.map((j) => `${JOURNEY_LABELS[j.journey]} ${j.degradation}%`).join(" · ")}
            {impact.estimated ? <EstimatedTag /> : null}
          </p>
        ) : (
          <p className="mt-0.5 text-xs text-ink-faint">Impact not set yet</p>
        )}
      </td>
      <td className="px-3 py-3">
        <SeverityBadge severity={incident.severity} />
        {suggested ? (
          <p className="mt-1 text-xs whitespace-nowrap text-warn" title="Impact implies a worse severity; the commander decides">
            <span aria-hidden>⚠ </span>suggests {suggested}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-3">
        <StatusBadge status={incident.status} />
      </td>
      <td
        className={cn(
          "px-3 py-3 text-right font-mono font-semibold tabular",
          impact.perMinute.revenue > 0 ? "text-sev1" : "text-ink-muted",
        )}
        data-testid="triage-per-minute"
      >
        {formatPerMinute(impact.perMinute.revenue, impact.currency)}
      </td>
      <td className="px-3 py-3 text-right font-mono tabular" data-testid="triage-loss">
        <TickingLoss impact={impact} receivedAt={live.receivedAt} />
      </td>
      <td className="px-3 py-3 text-right">
        <IncidentClock startedAt={incident.startedAt} resolvedAt={null} />
      </td>
      <td className="px-3 py-3 text-ink-muted">
        {incident.commander?.name ?? <span className="text-warn">Unassigned</span>}
        {incident.suggestedCommander ? (
          <p className="text-xs text-ink-faint" data-testid="triage-suggested-commander">
            suggested: {incident.suggestedCommander.name}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-3">
        {teamsTotal === 0 ? (
          <span className="text-ink-faint">No services marked</span>
        ) : teamsNotNotified.length === 0 ? (
          <span className="text-ok">
            <span aria-hidden>✓ </span>All {teamsTotal} told
          </span>
        ) : (
          <span className="text-warn" title={teamsNotNotified.map((t) => t.name).join(", ")}>
            <span aria-hidden>! </span>
            {teamsNotNotified
              .slice(0, SHOWN_TEAMS)
              .map((t) => t.name)
              .join(", ")}
            {teamsNotNotified.length > SHOWN_TEAMS ? ` +${teamsNotNotified.length - SHOWN_TEAMS}` : ""}
          </span>
        )}
      </td>
    </tr>
  );
}
