"use client";
import type { ImpactSummaryDto } from "@/lib/impact/impact-dto.ts";
import { formatMoney } from "@/lib/impact/format.ts";
import { useNow } from "../time/use-now.ts";

/**
 * Loss so far, moving every second between server updates: the last figure plus the current
 * rate times the time since this browser received it. Stops once the incident is resolved.
 */
export function lossNow(impact: ImpactSummaryDto, receivedAt: number, now: number): number {
  if (impact.endedAt) return impact.lossSoFar.revenue;
  return impact.lossSoFar.revenue + (impact.perMinute.revenue * Math.max(0, now - receivedAt)) / 60_000;
}

export function TickingLoss({ impact, receivedAt, className }: { impact: ImpactSummaryDto; receivedAt: number; className?: string }) {
  const now = useNow(1000);
  const value = lossNow(impact, receivedAt, now?.getTime() ?? receivedAt);
  return <span className={className}>{formatMoney(value, impact.currency)}</span>;
}
