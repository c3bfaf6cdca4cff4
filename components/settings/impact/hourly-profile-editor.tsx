"use client";
import { Button } from "../../ui/button.tsx";

const cell =
  "h-8 w-full rounded border border-line bg-canvas px-1 text-center text-sm tabular text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-sev1 disabled:border-transparent disabled:bg-transparent";

/** 24 multipliers, one per hour of the org's day, with bars to see the shape of the day. */
export function HourlyProfileEditor({
  profile,
  timeZone,
  errors,
  readOnly,
  onChange,
}: {
  profile: string[];
  timeZone: string;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (profile: string[]) => void;
}) {
  const values = profile.map((v) => Number(v) || 0);
  const max = Math.max(1, ...values);
  const average = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;
  const listError = errors.hourlyProfile;

  if (profile.length === 0) {
    return (
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-dashed border-line p-4">
        <p className="text-sm text-ink-muted">Flat day: every hour counts ×1. Add a profile to weigh evenings and nights.</p>
        {!readOnly ? (
          <Button size="sm" variant="secondary" onClick={() => onChange(Array.from({ length: 24 }, () => "1"))}>
            Add an hourly profile
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-6 gap-1.5 sm:grid-cols-12">
        {profile.map((v, h) => {
          const error = errors[`hourlyProfile.${h}`];
          return (
            <div key={h} className="space-y-1">
              <div className="flex h-10 items-end rounded bg-raised/50" aria-hidden>
                <div className="w-full rounded-t bg-accent/60" style={{ height: `${((Number(v) || 0) / max) * 100}%` }} />
              </div>
              <input
                aria-label={`Multiplier from ${String(h).padStart(2, "0")}:00`}
                aria-invalid={Boolean(error)}
                title={error}
                type="number"
                min={0}
                step="0.05"
                value={v}
                onChange={(e) => onChange(profile.map((x, i) => (i === h ? e.target.value : x)))}
                className={cell}
              />
              <p className="text-center font-mono text-[11px] text-ink-faint">{String(h).padStart(2, "0")}h</p>
            </div>
          );
        })}
      </div>
      {listError || Object.keys(errors).some((k) => k.startsWith("hourlyProfile.")) ? (
        <p role="alert" className="text-xs font-medium text-sev1">
          {listError ?? "Each hour's multiplier must be a number of 0 or more."}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 text-xs text-ink-muted">
        <span className="tabular">
          Hours in {timeZone}. Average ×{average.toFixed(2)}
          {Math.abs(average - 1) > 0.05 ? " — keep it near 1 so the baselines stay the daily average" : ""}
        </span>
        {!readOnly ? (
          <Button size="sm" variant="ghost" className="h-7 text-xs" onClick={() => onChange([])}>
            Make the day flat
          </Button>
        ) : null}
      </div>
    </div>
  );
}
