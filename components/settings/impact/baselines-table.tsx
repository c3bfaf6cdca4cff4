"use client";
import { JOURNEY_LABELS, JOURNEYS, type JourneyName } from "@/lib/vocabulary/catalog.ts";
import { cn } from "../../ui/cn.ts";
import { BASELINE_FIELDS, type BaselineField, type SettingsDraft } from "./settings-draft.ts";

const HEAD: Record<BaselineField, { label: string; step: string; hint: string }> = {
  revenuePerMinute: { label: "Revenue / min", step: "1", hint: "money flowing through this journey on an average minute" },
  ordersPerMinute: { label: "Orders / min", step: "0.1", hint: "orders passing through it" },
  customersPerMinute: { label: "Customers / min", step: "1", hint: "active customers on it" },
  conversionWeight: { label: "Conversion weight", step: "0.05", hint: "0–1: share of its revenue lost when it is fully broken" },
};

const input =
  "h-8 w-full rounded border border-line bg-canvas px-2 text-right text-sm tabular text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-sev1 disabled:border-transparent disabled:bg-transparent";

export function BaselinesTable({
  baselines,
  currency,
  errors,
  onChange,
}: {
  baselines: SettingsDraft["baselines"];
  currency: string;
  errors: Record<string, string>;
  onChange: (journey: JourneyName, field: BaselineField, value: string) => void;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full min-w-[640px] text-sm">
        <caption className="sr-only">Baselines per customer journey</caption>
        <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Journey
            </th>
            {BASELINE_FIELDS.map((f) => (
              <th key={f} scope="col" className="px-3 py-2 text-right font-medium" title={HEAD[f].hint}>
                {HEAD[f].label}
                {f === "revenuePerMinute" ? ` (${currency})` : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {JOURNEYS.map((j) => (
            <tr key={j}>
              <th scope="row" className="px-3 py-1.5 text-left font-medium">
                {JOURNEY_LABELS[j]}
              </th>
              {BASELINE_FIELDS.map((f) => {
                const error = errors[`baselines.${j}.${f}`];
                const id = `baseline-${j}-${f}`;
                return (
                  <td key={f} className="px-3 py-1.5">
                    <input
                      id={id}
                      aria-label={`${JOURNEY_LABELS[j]} ${HEAD[f].label.toLowerCase()}`}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? `${id}-error` : undefined}
                      type="number"
                      min={0}
                      max={f === "conversionWeight" ? 1 : undefined}
                      step={HEAD[f].step}
                      value={baselines[j][f]}
                      onChange={(e) => onChange(j, f, e.target.value)}
                      className={cn(input)}
                    />
                    {error ? (
                      <p id={`${id}-error`} role="alert" className="mt-1 text-right text-xs font-medium text-sev1">
                        {error}
                      </p>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
