"use client";
import { useState } from "react";
import { canCommand } from "@/lib/auth/permissions.ts";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { describeKeyTimeProblem, durations, findKeyTimeProblem, type KeyTimes } from "@/lib/incident-record/key-times.ts";
import { KEY_TIMES, type KeyTime } from "@/lib/incident-record/schemas.ts";
import { formatClock, formatDuration, fromZonedInput, toZonedInput, zoneName } from "@/lib/time/format.ts";
import { TimeZoneSetting, useTimeZone } from "../../time/time-zone.tsx";
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

/** ISO → the value a datetime-local input shows, in the zone the room shows times in, to the second. */
function toLocalInput(iso: string | null, timeZone: string | undefined): string {
  return iso ? toZonedInput(new Date(iso), timeZone) : "";
}

/** The draft checked against the other key times before it is sent, in the viewer's zone. */
function localProblem(incident: IncidentDto, field: KeyTime, iso: string | null, timeZone: string | undefined): string | null {
  const date = (v: string | null) => (v ? new Date(v) : null);
  const times: KeyTimes = {
    startedAt: new Date(incident.startedAt),
    detectedAt: date(incident.detectedAt),
    acknowledgedAt: date(incident.acknowledgedAt),
    mitigatedAt: date(incident.mitigatedAt),
    resolvedAt: date(incident.resolvedAt),
  };
  if (field === "startedAt") times.startedAt = iso ? new Date(iso) : times.startedAt;
  else times[field] = date(iso);
  const problem = findKeyTimeProblem(times, [field]);
  return problem ? describeKeyTimeProblem(problem, (d) => formatClock(d, timeZone)) : null;
}

function KeyTimeRow({ field, canEdit }: { field: KeyTime; canEdit: boolean }) {
  const { incident, attempt, busy } = useRoom();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const value = incident[field];
  // Inputs speak and say the zone every time in the room is shown in (the one policy).
  const { timeZone } = useTimeZone();
  const zone = zoneName(value ? new Date(value) : new Date(), timeZone);
  const errorId = `key-time-error-${field}`;

  async function save(next: string) {
    const at = next ? fromZonedInput(next, timeZone) : null;
    if (next && (!at || Number.isNaN(at.getTime()))) return setError("Give a date and a time.");
    const iso = at ? at.toISOString() : null;
    const local = localProblem(incident, field, iso, timeZone);
    if (local) return setError(local);
    const res = await attempt("", "PATCH", { [field]: iso });
    if (res.ok) {
      setError(null);
      setEditing(false);
    } else setError(res.fields[field] ?? Object.values(res.fields)[0] ?? res.message);
  }

  return (
    <div className="contents">
      <dt className="text-ink-muted">{LABELS[field]}</dt>
      <dd className="min-w-0">
        {editing ? (
          <form
            className="flex flex-wrap items-center gap-1.5"
            onSubmit={(e) => {
              e.preventDefault();
              void save(draft);
            }}
          >
            <input
              type="datetime-local"
              step={1}
              aria-label={`${LABELS[field]} time (${zone})`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                setError(null);
              }}
              className="h-7 rounded border border-line bg-canvas px-1 text-xs text-ink [color-scheme:dark] aria-[invalid=true]:border-bad"
            />
            <span className="text-[11px] text-ink-muted" data-testid="input-zone">
              {zone}
            </span>
            <Button type="submit" size="sm" className="h-7 px-2" disabled={busy}>
              Save
            </Button>
            {field !== "startedAt" && value ? (
              <Button size="sm" variant="ghost" className="h-7 px-2" disabled={busy} onClick={() => void save("")}>
                Clear
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="ghost"
              className="h-7 px-2"
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
            >
              Cancel
            </Button>
            {error ? (
              <p id={errorId} role="alert" className="basis-full text-xs font-medium text-bad" data-testid="key-time-error">
                {error}
              </p>
            ) : null}
          </form>
        ) : (
          <span className="flex items-center justify-between gap-2">
            {value ? <Timestamp iso={value} withDate withSeconds /> : <span className="text-ink-faint">—</span>}
            {canEdit ? (
              <Button
                size="sm"
                variant="ghost"
                className="h-6 px-2 text-xs"
                aria-label={`Edit ${LABELS[field].toLowerCase()} time`}
                onClick={() => {
                  setDraft(toLocalInput(value, timeZone));
                  setEditing(true);
                }}
              >
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
    <PanelSection title="Key times" action={<TimeZoneSetting />}>
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
