"use client";
import { formatDateTime } from "@/lib/time/format.ts";
import { fromLocalInput } from "../../impact/datetime-local.ts";
import { Button } from "../../ui/button.tsx";
import { newKey, type PeakDraft } from "./settings-draft.ts";

const control =
  "h-8 w-full rounded border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-sev1 disabled:border-transparent disabled:bg-transparent [color-scheme:dark]";

/** Dated multipliers ("Black Friday – Cyber Monday ×4"); the largest applies where they overlap. */
export function PeakWindowsEditor({
  windows,
  timeZone,
  errors,
  readOnly,
  onChange,
}: {
  windows: PeakDraft[];
  /** The organisation's zone: each window is also shown in it, since traffic follows its clock. */
  timeZone: string;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (windows: PeakDraft[]) => void;
}) {
  const set = (key: string, patch: Partial<PeakDraft>) => onChange(windows.map((w) => (w.key === key ? { ...w, ...patch } : w)));
  return (
    <div className="space-y-2">
      {windows.length === 0 ? <p className="text-sm text-ink-muted">No peak windows: baselines apply every day of the year.</p> : null}
      {windows.map((w, i) => {
        const err = (f: string) => errors[`peakWindows.${i}.${f}`];
        const messages = ["name", "startsAt", "endsAt", "multiplier"].map(err).filter(Boolean);
        return (
          <fieldset key={w.key} className="rounded-lg border border-line p-3" data-testid="peak-window">
            <legend className="sr-only">Peak window {i + 1}</legend>
            <div className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[2fr_1.3fr_1.3fr_0.7fr_auto]">
              <label className="space-y-1 text-xs text-ink-muted">
                Name
                <input
                  className={control}
                  value={w.name}
                  aria-invalid={Boolean(err("name"))}
                  onChange={(e) => set(w.key, { name: e.target.value })}
                />
              </label>
              <label className="space-y-1 text-xs text-ink-muted">
                Starts (your time)
                <input
                  type="datetime-local"
                  className={control}
                  value={w.startsAt}
                  aria-invalid={Boolean(err("startsAt"))}
                  onChange={(e) => set(w.key, { startsAt: e.target.value })}
                />
              </label>
              <label className="space-y-1 text-xs text-ink-muted">
                Ends (your time)
                <input
                  type="datetime-local"
                  className={control}
                  value={w.endsAt}
                  aria-invalid={Boolean(err("endsAt"))}
                  onChange={(e) => set(w.key, { endsAt: e.target.value })}
                />
              </label>
              <label className="space-y-1 text-xs text-ink-muted">
                Multiplier ×
                <input
                  type="number"
                  min={0}
                  step="0.1"
                  className={`${control} text-right tabular`}
                  value={w.multiplier}
                  aria-invalid={Boolean(err("multiplier"))}
                  onChange={(e) => set(w.key, { multiplier: e.target.value })}
                />
              </label>
              {!readOnly ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="h-8"
                  aria-label={`Remove ${w.name || `peak window ${i + 1}`}`}
                  onClick={() => onChange(windows.filter((x) => x.key !== w.key))}
                >
                  Remove
                </Button>
              ) : null}
            </div>
            <OrgTime startsAt={w.startsAt} endsAt={w.endsAt} timeZone={timeZone} />
            {messages.length ? (
              <p role="alert" className="mt-2 text-xs font-medium text-sev1">
                {messages.join(" · ")}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      {!readOnly ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onChange([...windows, { key: newKey(), name: "", startsAt: "", endsAt: "", multiplier: "2" }])}
        >
          Add peak window
        </Button>
      ) : null}
    </div>
  );
}

function OrgTime({ startsAt, endsAt, timeZone }: { startsAt: string; endsAt: string; timeZone: string }) {
  const start = fromLocalInput(startsAt);
  const end = fromLocalInput(endsAt);
  if (!start || !end) return null;
  const shown = formatRange(start, end, timeZone);
  if (!shown) return null;
  return (
    <p className="mt-2 text-xs text-ink-faint">
      In {timeZone}: {shown}
    </p>
  );
}

function formatRange(start: string, end: string, timeZone: string): string | null {
  try {
    return `${formatDateTime(new Date(start), timeZone)} → ${formatDateTime(new Date(end), timeZone)}`;
  } catch {
    // A time zone still being typed is not valid yet.
    return null;
  }
}
