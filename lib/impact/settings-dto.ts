// Client-safe: the impact settings as the API returns them, and the model they make.
import type { JourneyName } from "../vocabulary/catalog.ts";
import type { SeverityName } from "../vocabulary/incidents.ts";
import type { ImpactModel, JourneyBaselineSpec } from "./model.ts";

export interface ImpactSettingsDto {
  currency: string;
  timeZone: string;
  /** 24 multipliers, or [] for a flat day. */
  hourlyProfile: number[];
  responderHourlyRate: number;
  /** Every journey, zeros where nothing is configured. */
  baselines: Record<JourneyName, JourneyBaselineSpec>;
  peakWindows: { id: string; name: string; startsAt: string; endsAt: string; multiplier: number }[];
  /** Severity → percent degraded assumed when an alert opens an incident on a service; every severity filled in. */
  alertDegradation: Record<SeverityName, number>;
}

/** Client-safe conversion, so the browser (and the e2e test) can compute with the same model. */
export function toImpactModel(s: Pick<ImpactSettingsDto, "timeZone" | "hourlyProfile" | "baselines" | "peakWindows">): ImpactModel {
  return {
    timeZone: s.timeZone,
    hourlyProfile: s.hourlyProfile,
    baselines: s.baselines,
    peakWindows: s.peakWindows.map((w) => ({
      name: w.name,
      startsAt: new Date(w.startsAt),
      endsAt: new Date(w.endsAt),
      multiplier: w.multiplier,
    })),
  };
}
