import type { Metadata } from "next";
import { InsightsView } from "@/components/insights/insights-view.tsx";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { getInsights } from "@/lib/insights/get-insights.ts";
import { INSIGHT_RANGES } from "@/lib/insights/insights-dto.ts";
import { ZIncludeDrills } from "@/lib/incident-record/include-drills.ts";

export const metadata: Metadata = { title: "Insights" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function InsightsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getPageActor("/insights");
  const params = await searchParams;
  const weeks = params.weeks;
  const includeDrills = ZIncludeDrills.parse(params.drills);
  // An unknown range falls back to the default rather than an error page.
  const known = INSIGHT_RANGES.map(String).includes(String(weeks)) ? weeks : undefined;
  return (
    <InsightsView
      data={await getInsights(actor, { weeks: known, drills: includeDrills ? "include" : undefined })}
      includeDrills={includeDrills}
    />
  );
}
