"use client";
import { useEffect, useState } from "react";
import { JOURNEY_LABELS, type JourneyName } from "@/lib/vocabulary/catalog.ts";
import { canPostStakeholderUpdate } from "@/lib/stakeholder/can-post-update.ts";
import { type CUSTOMER_STATUS_LABELS } from "@/lib/stakeholder/constants.ts";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import { PanelSection } from "../incidents/panel/panel-section.tsx";
import { useRoom } from "../incidents/room-context.ts";
import { Timestamp } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { useShortcut } from "../ui/use-shortcut.ts";
import { DueBadge } from "./due-badge.tsx";
import { CustomerStatusTag } from "./customer-status-tag.tsx";
import { onComposeRequest } from "./compose-request.ts";
import { StakeholderComposer } from "./stakeholder-composer.tsx";
import { useLatestStakeholderUpdate } from "./use-latest-stakeholder-update.ts";

/** The side panel's "Stakeholder update": the latest one, when the next is due, and the composer (U). */
export function StakeholderSection({ initial }: { initial: StakeholderUpdateDto | null }) {
  const { incident, viewer } = useRoom();
  const { latest, apply } = useLatestStakeholderUpdate(incident.id, initial);
  const [open, setOpen] = useState(false);
  const [publish, setPublish] = useState(false);
  // The header's "Publish update…" opens this same composer, set to publish.
  useEffect(
    () =>
      onComposeRequest((r) => {
        setPublish(r.publish);
        setOpen(true);
      }),
    [],
  );
  const mayPost = canPostStakeholderUpdate(viewer, {
    commanderId: incident.commander?.id ?? null,
    commsLeadId: incident.commsLead?.id ?? null,
  });
  useShortcut("u", () => mayPost && setOpen(true));
  const resolved = incident.status === "resolved";

  return (
    <PanelSection
      title="Stakeholder update"
      action={
        mayPost ? (
          <Button size="sm" variant="ghost" className="h-6 gap-1.5 px-2 text-xs" onClick={() => setOpen(true)} aria-keyshortcuts="U">
            Post update <Kbd>U</Kbd>
          </Button>
        ) : null
      }
    >
      <div data-testid="stakeholder-section" className="space-y-2">
        {latest ? (
          <>
            {resolved ? null : <DueBadge nextUpdateBy={latest.nextUpdateBy} />}
            <LatestUpdate update={latest} />
          </>
        ) : (
          <p className="text-ink-faint">
            No stakeholder update yet.{" "}
            {mayPost ? (
              <>
                Press <Kbd>U</Kbd> to say what is affected, what you are doing and when they will hear next.
              </>
            ) : (
              "The commander or communications lead posts them here."
            )}
          </p>
        )}
      </div>
      {open ? (
        <StakeholderComposer
          previous={latest}
          publish={publish}
          onClose={() => {
            setOpen(false);
            setPublish(false);
          }}
          onPosted={apply}
        />
      ) : null}
    </PanelSection>
  );
}

function LatestUpdate({ update }: { update: StakeholderUpdateDto }) {
  const journeys = Object.entries(update.journeyStatus) as [JourneyName, keyof typeof CUSTOMER_STATUS_LABELS][];
  return (
    <div className="space-y-1.5" data-testid="stakeholder-latest">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-ink-muted">
        <span
          className="rounded border border-line-strong px-1.5 text-[11px] font-medium text-ink"
          title={update.isPublic ? "Also published on the public status page" : "Only inside Warroom and to configured channels"}
        >
          {update.isPublic ? "◉ Public" : "○ Internal"}
        </span>
        <span className="font-medium text-ink">{update.author?.name ?? "Someone"}</span>
        <Timestamp iso={update.createdAt} />
      </p>
      <dl className="space-y-1 text-sm">
        <div>
          <dt className="text-xs text-ink-muted">Affected</dt>
          <dd className="line-clamp-3 break-words whitespace-pre-wrap">{update.affected}</dd>
        </div>
        <div>
          <dt className="text-xs text-ink-muted">Doing</dt>
          <dd className="line-clamp-3 break-words whitespace-pre-wrap">{update.doing}</dd>
        </div>
      </dl>
      {journeys.length ? (
        <ul className="flex flex-wrap gap-1" aria-label="Customer-facing status per journey">
          {journeys.map(([journey, status]) => (
            <li key={journey}>
              <CustomerStatusTag status={status} label={JOURNEY_LABELS[journey]} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
