"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { JOURNEYS, JOURNEY_LABELS, type JourneyName } from "@/lib/vocabulary/catalog.ts";
import {
  CUSTOMER_STATUSES,
  CUSTOMER_STATUS_LABELS,
  MAX_UPDATE_TEXT,
  NEXT_UPDATE_PICKS,
  statusForDegradation,
  type CustomerStatusName,
  type JourneyStatusMap,
} from "@/lib/stakeholder/constants.ts";
import type { PostedStakeholderUpdate } from "@/lib/stakeholder/post-stakeholder-update.ts";
import type { TPostStakeholderUpdate } from "@/lib/stakeholder/schemas.ts";
import type { StakeholderUpdateDto } from "@/lib/stakeholder/stakeholder-dto.ts";
import { useApiSubmit } from "../api/use-api-submit.ts";
import { useIncidentImpact } from "../impact/use-incident-impact.ts";
import { useRoom } from "../incidents/room-context.ts";
import { Button } from "../ui/button.tsx";
import { Field, Select, Textarea } from "../ui/field.tsx";
import { Kbd } from "../ui/kbd.tsx";

type Pick = (typeof NEXT_UPDATE_PICKS)[number] | "none";

/** Starting point for "customers see": the last update's, else the journeys impact marks degraded. */
function initialJourneys(
  previous: StakeholderUpdateDto | null,
  degraded: { journey: JourneyName; degradation: number }[],
): JourneyStatusMap {
  if (previous && Object.keys(previous.journeyStatus).length) return { ...previous.journeyStatus };
  return Object.fromEntries(degraded.filter((j) => j.degradation > 0).map((j) => [j.journey, statusForDegradation(j.degradation)]));
}

interface Props {
  previous: StakeholderUpdateDto | null;
  /** Opened from the header's publish prompt: start with the status page ticked and the impact's words. */
  publish?: boolean;
  onClose: () => void;
  onPosted: (update: StakeholderUpdateDto) => void;
}

/**
 * A modal form: what is affected, what we are doing, what customers see per journey, when the next
 * update comes, and whether it goes on the public status page. Ctrl+Enter posts, Escape closes.
 */
/** "Checkout and Payment are degraded": what is affected, from the impact, when nothing was written yet. */
function affectedFromImpact(degraded: { journey: JourneyName; degradation: number }[]): string {
  const names = degraded.filter((j) => j.degradation > 0).map((j) => JOURNEY_LABELS[j.journey]);
  if (!names.length) return "";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${list} ${names.length === 1 ? "is" : "are"} not working normally for some customers.`;
}

export function StakeholderComposer({ previous, publish = false, onClose, onPosted }: Props) {
  const { incident } = useRoom();
  const { snapshot } = useIncidentImpact(incident.id);
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [affected, setAffected] = useState(
    previous?.affected || incident.customerStatus || affectedFromImpact(snapshot?.impact.journeys ?? []),
  );
  const [doing, setDoing] = useState(previous?.doing ?? "");
  const [journeys, setJourneys] = useState<JourneyStatusMap>(() => initialJourneys(previous, snapshot?.impact.journeys ?? []));
  const [pick, setPick] = useState<Pick>(30);
  const [isPublic, setIsPublic] = useState(publish || (previous?.isPublic ?? false));
  const { errors, failure, busy, send } = useApiSubmit();

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  async function submit() {
    const body: TPostStakeholderUpdate = {
      affected,
      doing,
      isPublic,
      journeyStatus: journeys,
      nextUpdateBy: pick === "none" ? null : new Date(Date.now() + pick * 60_000).toISOString(),
    };
    const posted = await send<PostedStakeholderUpdate>(`/api/incidents/${incident.id}/stakeholder-updates`, { method: "POST", body });
    if (!posted) return;
    onPosted(posted.update);
    onClose();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  }

  const unused = JOURNEYS.filter((j) => !(j in journeys));
  const journeyError = Object.entries(errors).find(([k]) => k.startsWith("journeyStatus"))?.[1];

  return createPortal(
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onKeyDown={onKeyDown}
      className="m-auto w-[min(40rem,calc(100vw-1.5rem))] rounded-lg border border-line-strong bg-surface p-0 text-ink shadow-2xl backdrop:bg-canvas/70"
      data-testid="stakeholder-composer"
    >
      <form
        method="dialog"
        className="flex max-h-[calc(100dvh-2rem)] flex-col"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <header className="border-b border-line px-5 py-3">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            Stakeholder update
          </h2>
          <p className="text-xs text-ink-muted">
            {incident.ref} · posted to the timeline{isPublic ? " and the public status page" : ""}. Write it for people outside the room.
          </p>
        </header>
        <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4">
          <Field
            label="What is affected"
            htmlFor={`${id}-affected`}
            error={errors.affected}
            hint="What customers or the business notice, in plain words."
          >
            <Textarea
              id={`${id}-affected`}
              autoFocus
              rows={2}
              maxLength={MAX_UPDATE_TEXT}
              value={affected}
              onChange={(e) => setAffected(e.target.value)}
              aria-invalid={errors.affected ? true : undefined}
              aria-describedby={errors.affected ? `${id}-affected-error` : undefined}
              placeholder="Some card payments fail at checkout; about 1 in 3 orders"
            />
          </Field>
          <Field label="What we are doing" htmlFor={`${id}-doing`} error={errors.doing}>
            <Textarea
              id={`${id}-doing`}
              rows={2}
              maxLength={MAX_UPDATE_TEXT}
              value={doing}
              onChange={(e) => setDoing(e.target.value)}
              aria-invalid={errors.doing ? true : undefined}
              aria-describedby={errors.doing ? `${id}-doing-error` : undefined}
              placeholder="Switching card traffic to the backup payment provider"
            />
          </Field>

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">What customers see, per journey</legend>
            {Object.keys(journeys).length === 0 ? (
              <p className="text-xs text-ink-muted">
                No journey named: the status page shows every journey as operational. Add the ones customers notice.
              </p>
            ) : (
              <ul className="space-y-1.5">
                {(Object.entries(journeys) as [JourneyName, CustomerStatusName][]).map(([journey, status]) => (
                  <li key={journey} className="grid grid-cols-[8rem_1fr_auto] items-center gap-2">
                    <label htmlFor={`${id}-j-${journey}`} className="text-sm">
                      {JOURNEY_LABELS[journey]}
                    </label>
                    <Select
                      id={`${id}-j-${journey}`}
                      className="h-8 py-0"
                      value={status}
                      onChange={(e) => setJourneys({ ...journeys, [journey]: e.target.value as CustomerStatusName })}
                    >
                      {CUSTOMER_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {CUSTOMER_STATUS_LABELS[s]}
                        </option>
                      ))}
                    </Select>
                    <Button
                      size="sm"
                      variant="ghost"
                      className="h-8 px-2"
                      aria-label={`Remove ${JOURNEY_LABELS[journey]}`}
                      onClick={() => setJourneys(Object.fromEntries(Object.entries(journeys).filter(([j]) => j !== journey)))}
                    >
                      ✕
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            {unused.length ? (
              <div className="flex items-center gap-2">
                <label htmlFor={`${id}-add`} className="sr-only">
                  Add a journey
                </label>
                <Select
                  id={`${id}-add`}
                  className="h-8 w-auto py-0 text-xs"
                  value=""
                  onChange={(e) => e.target.value && setJourneys({ ...journeys, [e.target.value]: "degraded" })}
                >
                  <option value="">+ Add a journey…</option>
                  {unused.map((j) => (
                    <option key={j} value={j}>
                      {JOURNEY_LABELS[j]}
                    </option>
                  ))}
                </Select>
              </div>
            ) : null}
            {journeyError ? (
              <p role="alert" className="text-xs font-medium text-sev1">
                {journeyError}
              </p>
            ) : null}
          </fieldset>

          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium">Next update by</legend>
            <div className="flex flex-wrap gap-1.5" role="radiogroup" aria-label="Next update by">
              {([...NEXT_UPDATE_PICKS, "none"] as const).map((p) => (
                <label
                  key={p}
                  className="inline-flex h-8 cursor-pointer items-center gap-1.5 rounded-md border border-line px-3 text-sm has-checked:border-accent has-checked:bg-accent/15 has-checked:text-ink has-focus-visible:ring-2 has-focus-visible:ring-accent"
                >
                  <input type="radio" name={`${id}-next`} className="sr-only" checked={pick === p} onChange={() => setPick(p)} />
                  {p === "none" ? "No further update" : `${p} min`}
                </label>
              ))}
            </div>
            {errors.nextUpdateBy ? (
              <p role="alert" className="text-xs font-medium text-sev1">
                {errors.nextUpdateBy}
              </p>
            ) : null}
          </fieldset>

          <label className="flex items-start gap-2 rounded-md border border-line p-3 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-accent"
              checked={isPublic}
              onChange={(e) => setIsPublic(e.target.checked)}
            />
            <span>
              <span className="font-medium">Publish to the status page</span>
              <span className="block text-xs text-ink-muted">
                Anyone can read it at /status: the words above and the journey statuses, never names or figures.
              </span>
            </span>
          </label>
          {failure ? (
            <p role="alert" className="text-sm font-medium text-sev1">
              {failure}
            </p>
          ) : null}
        </div>
        <footer className="flex items-center justify-end gap-2 border-t border-line px-5 py-3">
          <span className="mr-auto text-xs text-ink-faint">
            <Kbd>Ctrl</Kbd> <Kbd>Enter</Kbd> posts · <Kbd>Esc</Kbd> closes
          </span>
          <Button variant="ghost" size="sm" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={busy}>
            {busy ? "Posting…" : isPublic ? "Post and publish" : "Post update"}
          </Button>
        </footer>
      </form>
    </dialog>,
    document.body,
  );
}
