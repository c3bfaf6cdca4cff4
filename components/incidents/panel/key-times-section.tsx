"use client";
import { useState } from "react";
import { canCommand } from "@/lib/auth/permissions.ts";
import { durations } from "@/lib/incidents/key-times.ts";
import { KEY_TIMES, type KeyTime } from "@/lib/incidents/schemas.ts";
import { formatDuration } from "@/lib/time/format.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { useNow } from "../../time/use-now.ts";
import { Button } from "../../ui/button.tsx";
import { useRoom } from "../room-context.ts";
import { PanelSection } from "./panel-section.tsx";

const LABELS: Record<KeyTime, string> = {
  startedAt: "Started",
  detectedAt: "Detected",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
};

/** ISO → the value a datetime-local input shows, in the viewer's own zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function KeyTimeRow({ field, canEdit }: { field: KeyTime; canEdit: boolean }) {
  const { incident, run, busy } = useRoom();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const value = incident[field];

  async function save(next: string) {
    const iso = next ? new Date(next).toISOString() : null;
    if (await run("", "PATCH", { [field]: iso })) setEditing(false);
  }

  return (
    <div className="contents">
      <dt className="text-ink-muted">{LABELS[field]}</dt>
      <dd className="min-w-0">
        {editing ? (
          <form className="flex flex-wrap items-center gap-1.5" onSubmit={(e) => { e.preventDefault(); void save(draft); }}>
            <input
              type="datetime-local"
              aria-label={`${LABELS[field]} time`}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              className="h-7 rounded border border-line bg-canvas px-1 text-xs text-ink [color-scheme:dark]"
            />
            <Button type="submit" size="sm" className="h-7 px-2" disabled={busy}>Save</Button>
            {field !== "startedAt" && value ? (
              <Button size="sm" variant="ghost" className="h-7 px-2" disabled={busy} onClick={() => void save("")}>Clear</Button>
            ) : null}
            <Button size="sm" variant="ghost" className="h-7 px-2" onClick={() => setEditing(false)}>Cancel</Button>
          </form>
        ) : (
          <span className="flex items-center justify-between gap-2">
            {value ? <Timestamp iso={value} withDate /> : <span className="text-ink-faint">—</span>}
            {canEdit ? (
              <Button size="sm" variant="ghost" className="h-6 px-2 text-xs" aria-label={`Edit ${LABELS[field].toLowerCase()} time`} onClick={() => { setDraft(toLocalInput(value)); setEditing(true); }}>
                Edit
              </Button>
            ) : null}
          </span>
        )}
      </dd>
    </div>
  );
}

/** Key times (editable by the commander, each edit logged) and the durations they give. */
export function KeyTimesSection() {
  const { incident, viewer } = useRoom();
  const now = useNow(30_000);
  const canEdit = canCommand(viewer, { commanderId: incident.commander?.id ?? null });
  const d = durations(incident);
  const open = now ? now.getTime() - Date.parse(incident.startedAt) : null;
  const show = (ms: number | null, running?: number | null) =>
    ms !== null ? formatDuration(ms) : running != null ? `${formatDuration(running)} so far` : "—";
  return (
    <PanelSection title="Key times">
      <dl className="grid grid-cols-[6.5rem_1fr] gap-x-2 gap-y-1.5">
        {KEY_TIMES.map((k) => (
          <KeyTimeRow key={k} field={k} canEdit={canEdit} />
        ))}
      </dl>
      <dl className="grid grid-cols-3 gap-2 pt-2 text-center" aria-label="Durations">
        {[
          ["To acknowledge", show(d.mttaMs)],
          ["To mitigate", show(d.ttmMs, incident.mitigatedAt ? null : open)],
          ["To resolve", show(d.mttrMs, incident.resolvedAt ? null : open)],
        ].map(([label, value]) => (
          <div key={label} className="rounded border border-line bg-canvas px-1 py-1.5">
            <dt className="text-[11px] text-ink-muted">{label}</dt>
            <dd className="font-mono text-xs tabular">{value}</dd>
          </div>
        ))}
      </dl>
    </PanelSection>
  );
}
