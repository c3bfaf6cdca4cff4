"use client";
import { canCommand } from "@/lib/auth/permissions.ts";
import { SEVERITIES, SEVERITY_INFO, STATUSES, STATUS_LABELS, type SeverityName, type StatusName } from "@/lib/incidents/constants.ts";
import { cn } from "../ui/cn.ts";
import { SEVERITY_MARKS, SEVERITY_STYLES, SeverityBadge } from "./severity-badge.tsx";
import { STATUS_STYLES, StatusBadge } from "./status-badge.tsx";
import { useRoom } from "./room-context.ts";

// The control looks like the badge it changes, so the header reads the same for everyone;
// only people who run the incident get the dropdown.
const selectBase = "cursor-pointer appearance-none border pr-7 font-semibold focus:outline-none disabled:cursor-wait";
const chevron = "pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 text-[10px]";

export function StatusControl() {
  const { incident, viewer, run, busy } = useRoom();
  if (!canCommand(viewer, { commanderId: incident.commander?.id ?? null })) return <StatusBadge status={incident.status} />;
  const style = STATUS_STYLES[incident.status];
  return (
    <span className="relative inline-flex">
      <select
        aria-label="Change status"
        className={cn(selectBase, "h-7 rounded-full bg-canvas pl-3 text-xs", style.cls)}
        value={incident.status}
        disabled={busy}
        onChange={(e) => void run("", "PATCH", { status: e.target.value as StatusName })}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_STYLES[s].icon} {incident.status === "resolved" && s !== "resolved" ? `Re-open: ${STATUS_LABELS[s]}` : STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <span aria-hidden className={cn(chevron, style.cls.split(" ")[0])}>▼</span>
    </span>
  );
}

export function SeverityControl() {
  const { incident, viewer, run, busy } = useRoom();
  if (!canCommand(viewer, { commanderId: incident.commander?.id ?? null })) return <SeverityBadge severity={incident.severity} size="lg" />;
  return (
    <span className="relative inline-flex" title={SEVERITY_INFO[incident.severity].meaning}>
      <select
        aria-label="Change severity"
        className={cn(selectBase, "h-8 rounded pl-2.5 text-sm tracking-wide", SEVERITY_STYLES[incident.severity])}
        value={incident.severity}
        disabled={busy}
        onChange={(e) => void run("", "PATCH", { severity: e.target.value as SeverityName })}
      >
        {SEVERITIES.map((s) => (
          <option key={s} value={s} title={SEVERITY_INFO[s].meaning}>
            {SEVERITY_MARKS[s]} {s}
          </option>
        ))}
      </select>
      <span aria-hidden className={cn(chevron, SEVERITY_STYLES[incident.severity].split(" ")[1])}>▼</span>
    </span>
  );
}
