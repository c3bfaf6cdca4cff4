"use client";
import { useState } from "react";
import { can, canCommand } from "@/lib/auth/permissions.ts";
import { JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import type { ImpactJourneyDto, ImpactSummaryDto } from "@/lib/impact/impact-dto.ts";
import { formatCount, formatMoney, formatPerMinute } from "@/lib/impact/format.ts";
import { SEVERITY_INFO } from "@/lib/vocabulary/incidents.ts";
import { ImpactChart } from "../../impact/impact-chart.tsx";
import { ImpactEditor } from "../../impact/impact-editor.tsx";
import { CustomerSignals } from "../../signals/customer-signals.tsx";
import { EstimatedTag } from "../../impact/estimated-tag.tsx";
import { TickingLoss } from "../../impact/ticking-loss.tsx";
import { applyImpact, useIncidentImpact } from "../../impact/use-incident-impact.ts";
import { apiRequest } from "../../api/api-client.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { Button } from "../../ui/button.tsx";
import { cn } from "../../ui/cn.ts";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";

/** Money, orders and customers at stake: now, so far, next hour; who may, sets degradation per journey. */
export function ImpactSection() {
  const { incident, viewer } = useRoom();
  const { snapshot, failed } = useIncidentImpact(incident.id);
  const [editing, setEditing] = useState(false);
  const canEdit = can(viewer.role, "impact:edit");
  const impact = snapshot?.impact;

  return (
    <PanelSection
      title="Impact"
      action={
        canEdit && !editing && impact ? (
          <Button size="sm" variant="ghost" className="h-6 px-2 text-xs" aria-label="Set impact" onClick={() => setEditing(true)}>
            Set impact
          </Button>
        ) : null
      }
    >
      {!impact ? (
        <p className="text-ink-muted">{failed ? "Could not load the impact; retrying every minute." : "Working out the money at stake…"}</p>
      ) : (
        <div className="space-y-3" data-testid="impact-section">
          <Figures impact={impact} receivedAt={snapshot.receivedAt} />
          <SeverityHint impact={impact} />
          <EstimateNote impact={impact} canEdit={canEdit} />
          {editing ? <ImpactEditor incidentId={incident.id} current={impact.journeys} onDone={() => setEditing(false)} /> : null}
          <JourneyList journeys={impact.journeys} currency={impact.currency} />
          <CustomerSignals incidentId={incident.id} />
          {impact.journeys.length ? <ImpactChart series={impact.series} currency={impact.currency} /> : null}
        </div>
      )}
    </PanelSection>
  );
}

function Figures({ impact, receivedAt }: { impact: ImpactSummaryDto; receivedAt: number }) {
  const { currency } = impact;
  const cost = impact.responseCost;
  return (
    <dl className="grid grid-cols-2 gap-x-3 gap-y-2">
      <div>
        <dt className="text-xs text-ink-muted">At risk now</dt>
        <dd className={cn("font-mono text-lg font-semibold tabular", impact.perMinute.revenue > 0 ? "text-sev1" : "text-ink")}>
          {formatPerMinute(impact.perMinute.revenue, currency)}
        </dd>
        <dd className="text-xs text-ink-muted tabular">
          {formatCount(impact.perMinute.orders)} orders · {formatCount(impact.perMinute.customers)} customers /min
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">{impact.endedAt ? "Lost in total" : "Lost so far"}</dt>
        <dd className="font-mono text-lg font-semibold tabular">
          <TickingLoss impact={impact} receivedAt={receivedAt} />
        </dd>
        <dd className="text-xs text-ink-muted tabular">
          {formatCount(impact.lossSoFar.orders)} orders · {formatCount(impact.lossSoFar.customers)} customers
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">Next hour if nothing changes</dt>
        <dd className="font-mono font-semibold tabular" data-testid="impact-projection">
          {formatMoney(impact.projectionNextHour.revenue, currency)}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-ink-muted">Response cost</dt>
        <dd
          className="font-mono font-semibold tabular"
          title={`${cost.people} people × time in role × ${formatMoney(cost.hourlyRate, currency)}/h`}
        >
          {formatMoney(cost.amount, currency)}
        </dd>
        <dd className="text-xs text-ink-muted tabular">
          {cost.personHours.toFixed(1)} person-hours · {cost.people} {cost.people === 1 ? "person" : "people"}
        </dd>
      </div>
    </dl>
  );
}

/** Impact may imply a worse severity; only the commander changes it. */
function SeverityHint({ impact }: { impact: ImpactSummaryDto }) {
  const { incident, viewer, run, busy } = useRoom();
  const suggested = impact.priority.suggestedSeverity;
  if (!suggested || suggested >= incident.severity) return null;
  const mayCommand = canCommand(viewer, { commanderId: incident.commander?.id ?? null });
  return (
    <div role="note" className="rounded-md border border-warn/50 bg-warn/10 p-2 text-xs" data-testid="severity-suggestion">
      <p>
        <span aria-hidden className="mr-1">
          ⚠
        </span>
        Impact suggests <strong>{SEVERITY_INFO[suggested].label}</strong>: {Math.round(impact.priority.revenueShare * 100)}% of revenue at
        risk. The commander decides.
      </p>
      {mayCommand ? (
        <Button
          size="sm"
          variant="secondary"
          className="mt-2 h-7"
          disabled={busy}
          onClick={() => void run("", "PATCH", { severity: suggested })}
        >
          Raise to {suggested}
        </Button>
      ) : null}
    </div>
  );
}

/** An alert's guess counts in the money and the ranking; a person confirms it (same figure) or sets another. */
function EstimateNote({ impact, canEdit }: { impact: ImpactSummaryDto; canEdit: boolean }) {
  const { incident } = useRoom();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const guessed = impact.journeys.filter((j) => j.estimated && j.degradation > 0);
  if (!guessed.length || impact.endedAt) return null;
  async function confirm() {
    setBusy(true);
    const res = await apiRequest<ImpactSummaryDto>(`/api/incidents/${incident.id}/impact`, {
      method: "PUT",
      body: {
        journeys: Object.fromEntries(guessed.map((j) => [j.journey, { degradation: j.degradation }])),
        note: "estimate from the alert confirmed",
      },
    });
    setBusy(false);
    if (res.ok) applyImpact(res.data);
    else setError(res.error.message);
  }
  return (
    <div role="note" className="rounded-md border border-warn/50 bg-warn/10 p-2 text-xs" data-testid="impact-estimate-note">
      <p>
        <span aria-hidden className="mr-1">
          ≈
        </span>
        Estimated from the alert: {guessed.map((j) => `${JOURNEY_LABELS[j.journey]} ${j.degradation}%`).join(", ")}. Confirm it or set the
        real figure.
      </p>
      {canEdit ? (
        <Button size="sm" variant="secondary" className="mt-2 h-7" disabled={busy} onClick={() => void confirm()}>
          Confirm estimate
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-bad">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function JourneyList({ journeys, currency }: { journeys: ImpactJourneyDto[]; currency: string }) {
  if (!journeys.length) {
    return (
      <p className="text-ink-faint">
        No journey marked degraded yet. Set how broken checkout, payment or search is to see the money at stake.
      </p>
    );
  }
  return (
    <ul className="space-y-2" data-testid="impact-journeys">
      {journeys.map((j) => (
        <li key={j.journey} className="space-y-0.5">
          <div className="flex items-baseline justify-between gap-2">
            <span className="font-medium">
              {JOURNEY_LABELS[j.journey]}
              {j.estimated && j.degradation > 0 ? <EstimatedTag /> : null}
            </span>
            <span className={cn("font-mono tabular", j.degradation > 0 ? "text-sev1" : "text-ok")} data-testid="journey-state">
              {j.degradation > 0 ? `${j.degradation}% degraded` : "✓ recovered"}
            </span>
          </div>
          <div className="h-1.5 overflow-hidden rounded bg-raised" aria-hidden>
            <div className="h-full bg-sev1/70" style={{ width: `${j.degradation}%` }} />
          </div>
          <p className="flex flex-wrap justify-between gap-x-2 text-xs text-ink-muted">
            {/* Resolution ends the impact: say how bad it was and until when, not "60% degraded". */}
            {j.ended ? (
              <span data-testid="journey-ended">
                was {j.ended.degradation}% degraded until <Timestamp iso={j.ended.at} />
              </span>
            ) : (
              <span>
                since <Timestamp iso={j.since} />
              </span>
            )}
            {j.degradation > 0 ? <span className="tabular">{formatPerMinute(j.perMinute.revenue, currency)}</span> : null}
          </p>
          <Evidence j={j} />
        </li>
      ))}
    </ul>
  );
}

function Evidence({ j }: { j: ImpactJourneyDto }) {
  const e = j.evidence;
  const parts = [
    e.failedCheckouts !== null ? `${formatCount(e.failedCheckouts)} failed checkouts` : null,
    e.errorRate !== null ? `error rate ${e.errorRate}%` : null,
    e.supportTickets !== null ? `${formatCount(e.supportTickets)} tickets` : null,
    e.surveyResponses !== null ? `${formatCount(e.surveyResponses)} survey responses` : null,
  ].filter(Boolean);
  if (!parts.length && !j.updatedBy) return null;
  return (
    <p className="text-xs text-ink-faint">
      {parts.join(" · ")}
      {j.updatedBy ? `${parts.length ? " · " : ""}set by ${j.updatedBy.name}` : ""}
    </p>
  );
}
