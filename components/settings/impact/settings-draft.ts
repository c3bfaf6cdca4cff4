"use client";
import { JOURNEYS, type JourneyName } from "@/lib/vocabulary/catalog.ts";
import type { JourneyBaselineSpec } from "@/lib/impact/model.ts";
import type { ImpactSettingsDto } from "@/lib/impact/settings-dto.ts";
import { SEVERITIES, type SeverityName } from "@/lib/vocabulary/incidents.ts";
import { fromLocalInput, toLocalInput } from "../../impact/datetime-local.ts";

// The form keeps what was typed as text, so a half-typed "0." is not snapped to 0 under the cursor.
export type BaselineField = keyof JourneyBaselineSpec;
export const BASELINE_FIELDS: BaselineField[] = ["revenuePerMinute", "ordersPerMinute", "customersPerMinute", "conversionWeight"];

export interface PeakDraft {
  key: string;
  name: string;
  startsAt: string;
  endsAt: string;
  multiplier: string;
}

export interface SettingsDraft {
  currency: string;
  timeZone: string;
  responderHourlyRate: string;
  hourlyProfile: string[];
  baselines: Record<JourneyName, Record<BaselineField, string>>;
  peakWindows: PeakDraft[];
  alertDegradation: Record<SeverityName, string>;
}

let nextKey = 0;
export const newKey = () => `w${++nextKey}`;

export function toDraft(s: ImpactSettingsDto): SettingsDraft {
  const settings = s;
  return {
    currency: s.currency,
    timeZone: s.timeZone,
    responderHourlyRate: String(s.responderHourlyRate),
    hourlyProfile: s.hourlyProfile.map(String),
    baselines: Object.fromEntries(
      JOURNEYS.map((j) => [j, Object.fromEntries(BASELINE_FIELDS.map((f) => [f, String(s.baselines[j][f])]))]),
    ) as SettingsDraft["baselines"],
    peakWindows: s.peakWindows.map((w) => ({
      key: newKey(),
      name: w.name,
      startsAt: toLocalInput(new Date(w.startsAt)),
      endsAt: toLocalInput(new Date(w.endsAt)),
      multiplier: String(w.multiplier),
    })),
    alertDegradation: Object.fromEntries(SEVERITIES.map((s) => [s, String(settings.alertDegradation[s])])) as Record<SeverityName, string>,
  };
}

/** Numbers as typed: empty or junk goes to the server as-is (NaN → null) so its message names the field. */
const num = (v: string): number | null => (v.trim() === "" || Number.isNaN(Number(v)) ? null : Number(v));

export function toRequest(d: SettingsDraft) {
  return {
    currency: d.currency.trim(),
    timeZone: d.timeZone.trim(),
    responderHourlyRate: num(d.responderHourlyRate),
    hourlyProfile: d.hourlyProfile.map(num),
    baselines: Object.fromEntries(JOURNEYS.map((j) => [j, Object.fromEntries(BASELINE_FIELDS.map((f) => [f, num(d.baselines[j][f])]))])),
    peakWindows: d.peakWindows.map((w) => ({
      name: w.name,
      startsAt: fromLocalInput(w.startsAt) ?? w.startsAt,
      endsAt: fromLocalInput(w.endsAt) ?? w.endsAt,
      multiplier: num(w.multiplier),
    })),
    alertDegradation: Object.fromEntries(SEVERITIES.map((s) => [s, num(d.alertDegradation[s])])),
  };
}
