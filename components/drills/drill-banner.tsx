"use client";
import Link from "next/link";
import { useMemo } from "react";
import type { DrillDto } from "@/lib/drills/drill-dto.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";

/** The highest drill step injected so far, read from the room's live timeline. */
function stepsPlayed(events: readonly TimelineEventDto[], drillId: string, initial: number): number {
  let max = initial;
  for (const e of events) {
    const mark = (e.data as { drill?: { drillId?: string; step?: number | null; injected?: boolean } } | null)?.drill;
    if (mark?.injected && mark.drillId === drillId && typeof mark.step === "number" && mark.step > max) max = mark.step;
  }
  return max;
}

const STATE: Record<DrillDto["status"], string> = { running: "", finished: " · finished", cancelled: " · cancelled" };

/**
 * Above the room's header of a practice incident: says it is a drill, which scenario, how fast and
 * how far the script is, live as steps are injected.
 */
export function DrillBanner({ drill, events, isResolved }: { drill: DrillDto; events: readonly TimelineEventDto[]; isResolved: boolean }) {
  const played = useMemo(() => stepsPlayed(events, drill.id, drill.stepsPlayed), [events, drill.id, drill.stepsPlayed]);
  // Resolving the practice incident ends the drill and scores it in the same commit, so the live
  // status says when the report exists, without a reload.
  const status: DrillDto["status"] = drill.status === "running" && isResolved ? "finished" : drill.status;
  return (
    <div
      role="note"
      aria-label="Drill"
      data-testid="drill-banner"
      className="border-b-2 border-dashed border-accent bg-accent/10 px-4 py-1 text-sm"
    >
      <div className="mx-auto flex max-w-[1600px] items-baseline gap-x-3">
        <p className="min-w-0 text-ink">
          <strong className="font-bold tracking-wider text-accent">DRILL</strong> — practice incident, {drill.scenarioName}, ×{drill.speed},{" "}
          <span data-testid="drill-step" className="whitespace-nowrap tabular">
            {played ? `step ${played} of ${drill.stepCount}` : `starting (${drill.stepCount} steps)`}
          </span>
          {STATE[status]}
          <span className="hidden text-ink-muted lg:inline">
            {" · "}
            {status === "running" ? "Resolving this practice incident ends the drill and scores it. " : ""}Nothing here reaches customers,
            the status page or real on-call.
          </span>
        </p>
        <Link
          href={status === "finished" ? `/drills/${drill.id}` : "/drills"}
          className="ml-auto shrink-0 text-accent underline-offset-2 hover:underline"
        >
          {status === "finished" ? "Open the drill report" : "Drills"}
        </Link>
      </div>
    </div>
  );
}
