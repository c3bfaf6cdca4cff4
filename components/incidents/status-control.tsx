"use client";
import { useCallback, useState } from "react";
import { canCommand } from "@/lib/auth/permissions.ts";
import { SEVERITIES, SEVERITY_INFO, STATUSES, STATUS_LABELS, type SeverityName, type StatusName } from "@/lib/vocabulary/incidents.ts";
import { formatClock, formatDuration } from "@/lib/time/format.ts";
import { useTimeZone } from "../time/time-zone.tsx";
import { cn } from "../ui/cn.ts";
import { ConfirmChange } from "./confirm-change.tsx";
import { SEVERITY_MARKS, SEVERITY_STYLES, SeverityBadge } from "./severity-badge.tsx";
import { STATUS_STYLES, StatusBadge } from "./status-badge.tsx";
import { useRoom } from "./room-context.ts";

// The control looks like the badge it changes, so the header reads the same for everyone;
// only people who run the incident get the dropdown. Picking a value only proposes it: the
// change is made by the confirmation below the control, never by focus or an arrow key.
const selectBase = "cursor-pointer appearance-none border pr-7 font-semibold focus:outline-none disabled:cursor-wait";
const chevron = "pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 text-[10px]";

function statusQuestion(
  ref: string,
  from: StatusName,
  to: StatusName,
  resolvedAt: string | null,
  startedAt: string,
  timeZone: string | undefined,
): string {
  if (from === "resolved" && resolvedAt) {
    const lasted = formatDuration(Date.parse(resolvedAt) - Date.parse(startedAt));
    return `Re-open ${ref} as ${STATUS_LABELS[to]}? It was resolved at ${formatClock(new Date(resolvedAt), timeZone)} after ${lasted}; the clock runs again and the re-open is recorded beside that first resolution.`;
  }
  if (to === "resolved") return `Resolve ${ref}? The clock stops now, the impact ends in the record and the channels following it hear so.`;
  return `Change ${ref}'s status to ${STATUS_LABELS[to]}?`;
}

export function StatusControl() {
  const { incident, viewer, run, busy } = useRoom();
  const [proposed, setProposed] = useState<StatusName | null>(null);
  const { timeZone } = useTimeZone();
  const cancel = useCallback(() => setProposed(null), []);
  if (!canCommand(viewer, { commanderId: incident.commander?.id ?? null })) return <StatusBadge status={incident.status} />;
  // Someone else's change wins over a proposal that no longer changes anything.
  const pending = proposed && proposed !== incident.status ? proposed : null;
  const shown = pending ?? incident.status;
  const style = STATUS_STYLES[shown];
  const isReopen = pending !== null && incident.status === "resolved";
  const isResolve = pending === "resolved";
  return (
    <span className="relative inline-flex">
      <select
        aria-label="Change status"
        className={cn(selectBase, "h-7 rounded-full bg-canvas pl-3 text-xs", style.cls)}
        value={shown}
        disabled={busy}
        onChange={(e) => setProposed(e.target.value as StatusName)}
        data-testid="status-select"
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_STYLES[s].icon} {incident.status === "resolved" && s !== "resolved" ? `Re-open: ${STATUS_LABELS[s]}` : STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <span aria-hidden className={cn(chevron, style.cls.split(" ")[0])}>
        ▼
      </span>
      {pending ? (
        <ConfirmChange
          testId="status-confirm"
          question={statusQuestion(incident.ref, incident.status, pending, incident.resolvedAt, incident.startedAt, timeZone)}
          confirmLabel={isReopen ? `Re-open as ${STATUS_LABELS[pending]}` : isResolve ? "Resolve" : `Set ${STATUS_LABELS[pending]}`}
          danger={isReopen || isResolve}
          busy={busy}
          onCancel={cancel}
          onConfirm={() => void run("", "PATCH", { status: pending }).then(cancel)}
        />
      ) : null}
    </span>
  );
}

export function SeverityControl() {
  const { incident, viewer, run, busy } = useRoom();
  const [proposed, setProposed] = useState<SeverityName | null>(null);
  const cancel = useCallback(() => setProposed(null), []);
  if (!canCommand(viewer, { commanderId: incident.commander?.id ?? null })) return <SeverityBadge severity={incident.severity} size="lg" />;
  const pending = proposed && proposed !== incident.severity ? proposed : null;
  const shown = pending ?? incident.severity;
  return (
    <span className="relative inline-flex" title={SEVERITY_INFO[shown].meaning}>
      <select
        aria-label="Change severity"
        className={cn(selectBase, "h-8 rounded pl-2.5 text-sm tracking-wide", SEVERITY_STYLES[shown])}
        value={shown}
        disabled={busy}
        onChange={(e) => setProposed(e.target.value as SeverityName)}
      >
        {SEVERITIES.map((s) => (
          <option key={s} value={s} title={SEVERITY_INFO[s].meaning}>
            {SEVERITY_MARKS[s]} {s}
          </option>
        ))}
      </select>
      <span aria-hidden className={cn(chevron, SEVERITY_STYLES[shown].split(" ")[1])}>
        ▼
      </span>
      {pending ? (
        <ConfirmChange
          testId="severity-confirm"
          question={`Change ${incident.ref} from ${incident.severity} to ${pending}? ${SEVERITY_INFO[pending].meaning}`}
          confirmLabel={`Set ${pending}`}
          busy={busy}
          onCancel={cancel}
          onConfirm={() => void run("", "PATCH", { severity: pending }).then(cancel)}
        />
      ) : null}
    </span>
  );
}
