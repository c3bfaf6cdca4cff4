"use client";
import { JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import { canPostStakeholderUpdate } from "@/lib/stakeholder/can-post-update.ts";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import { useIncidentImpact } from "../impact/use-incident-impact.ts";
import { useRoom } from "../incidents/room-context.ts";
import { openStakeholderComposer } from "./compose-request.ts";
import { useLatestStakeholderUpdate } from "./use-latest-stakeholder-update.ts";

/**
 * In the header, not buried: customer journeys are degraded and the public status page says
 * nothing about it. The button opens the stakeholder composer set to publish, prefilled from
 * the impact (journeys and their state, what is affected).
 */
export function PublishPrompt({ initial }: { initial: StakeholderUpdateDto | null }) {
  const { incident, viewer } = useRoom();
  const { snapshot } = useIncidentImpact(incident.id);
  const { latest } = useLatestStakeholderUpdate(incident.id, initial);
  if (incident.status === "resolved" || latest?.isPublic) return null;
  const degraded = (snapshot?.impact.journeys ?? []).filter((j) => j.degradation > 0);
  if (!degraded.length) return null;
  const names = degraded.map((j) => JOURNEY_LABELS[j.journey]).join(", ");
  const mayPost = canPostStakeholderUpdate(viewer, {
    commanderId: incident.commander?.id ?? null,
    commsLeadId: incident.commsLead?.id ?? null,
  });
  return (
    <div className="flex items-center gap-1.5" data-testid="publish-prompt">
      <dt className="sr-only">Status page</dt>
      <dd className="flex items-center gap-1.5 rounded border border-warn/60 px-2 py-0.5 text-xs text-warn">
        <span aria-hidden>⚠</span>
        <span>Status page says nothing: {names} degraded</span>
        {mayPost ? (
          <button
            type="button"
            className="font-semibold underline underline-offset-2"
            onClick={() => openStakeholderComposer({ publish: true })}
          >
            Publish update…
          </button>
        ) : null}
      </dd>
    </div>
  );
}
