import Link from "next/link";
import { JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import { formatMoney } from "@/lib/impact/format.ts";
import { INSIGHT_RANGES, type InsightsDto } from "@/lib/insights/insights-dto.ts";
import { cn } from "@/components/ui/cn.ts";
import { median } from "@/lib/insights/aggregate.ts";
import { ChartCard } from "./chart-card.tsx";
import { formatMinutes } from "./chart-scale.ts";
import { CompletionMeter } from "./completion-meter.tsx";
import { IncidentsPerWeekChart } from "./incidents-per-week-chart.tsx";
import { LossBars } from "./loss-bars.tsx";
import { TrendChart } from "./trend-chart.tsx";

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3">
      <p className="text-xs uppercase tracking-wide text-ink-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular">{value}</p>
      {hint ? <p className="text-xs text-ink-faint">{hint}</p> : null}
    </div>
  );
}

/** The teams in the incidents' blast radii, from the same "told" record the room and triage read. */
function TellingStat({ telling: t }: { telling: InsightsDto["telling"] }) {
  return (
    <div className="rounded-lg border border-line bg-surface px-4 py-3" data-testid="insights-telling">
      <p className="text-xs uppercase tracking-wide text-ink-muted">Teams told in {t.withinMinutes} min</p>
      <p className="mt-1 text-2xl font-semibold tabular">{t.teamsToTell ? `${t.toldInTime} of ${t.teamsToTell}` : "—"}</p>
      <p className="text-xs text-ink-faint">
        {t.teamsToTell
          ? `${t.toldLater} told later · ${t.neverTold ? `⚠ ${t.neverTold} never told` : "all told"}`
          : "no teams in a blast radius"}
      </p>
    </div>
  );
}

/** Trend of a weekly median, said in words: the latest week against the range's middle value. */
function trendSentence(name: string, values: (number | null)[]): string {
  const known = values.flatMap((v) => (v === null ? [] : [v]));
  if (!known.length) return `No ${name} to show: no incidents in this range.`;
  const overall = median(known) ?? 0;
  const last = known.at(-1) ?? 0;
  return `Median ${name} across the range ${formatMinutes(overall)}; the latest week with incidents ${formatMinutes(last)}.`;
}

/** `includeDrills`: game-day drills counted too (left out by default: they are practice). */
export function InsightsView({ data, includeDrills = false }: { data: InsightsDto; includeDrills?: boolean }) {
  const drillsParam = includeDrills ? "drills=include" : "";
  const rangeHref = (w: number) => {
    const params = [w === 12 ? "" : `weeks=${w}`, drillsParam].filter(Boolean).join("&");
    return params ? `/insights?${params}` : "/insights";
  };
  const mtta = data.perWeek.map((w) => w.mttaMinutes);
  const mttr = data.perWeek.map((w) => w.mttrMinutes);
  const allMtta = median(mtta.flatMap((v) => (v === null ? [] : [v])));
  const allMttr = median(mttr.flatMap((v) => (v === null ? [] : [v])));
  const topJourney = data.lossByJourney[0];
  const topService = data.lossByService[0];
  const most = Math.max(0, ...data.perWeek.map((w) => w.total));
  const busiest = data.perWeek.filter((w) => w.total === most).map((w) => w.label);
  return (
    <main className="mx-auto w-full min-w-0 max-w-[1400px] space-y-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold">Insights</h1>
        <p className="text-sm text-ink-muted">
          Incidents that started since {data.from} (weeks run Monday to Sunday, {data.timeZone})
          {includeDrills ? ", drills included" : ", drills left out"}
        </p>
        <Link
          href={
            includeDrills
              ? data.weeks === 12
                ? "/insights"
                : `/insights?weeks=${data.weeks}`
              : `/insights?${data.weeks === 12 ? "" : `weeks=${data.weeks}&`}drills=include`
          }
          role="button"
          aria-pressed={includeDrills}
          data-testid="include-drills"
          className="whitespace-nowrap rounded border border-line px-2 py-0.5 text-sm text-ink-muted hover:text-ink"
        >
          <span aria-hidden>{includeDrills ? "☑" : "☐"}</span> Include drills
        </Link>
        <nav aria-label="Range" className="ml-auto flex gap-1 rounded-md border border-line p-0.5 text-sm">
          {INSIGHT_RANGES.map((w) => (
            <Link
              key={w}
              href={rangeHref(w)}
              aria-current={data.weeks === w ? "page" : undefined}
              className={cn("rounded px-3 py-1 tabular", data.weeks === w ? "bg-raised text-ink" : "text-ink-muted hover:text-ink")}
            >
              {w} weeks
            </Link>
          ))}
        </nav>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Incidents" value={String(data.incidentCount)} hint={`in ${data.weeks} weeks`} />
        <Stat label="Median MTTA" value={allMtta === null ? "—" : formatMinutes(allMtta)} hint="detection → acknowledged" />
        <Stat label="Median MTTR" value={allMttr === null ? "—" : formatMinutes(allMttr)} hint="start → resolved" />
        <Stat label="Revenue lost" value={formatMoney(data.totalLoss, data.currency)} hint="from recorded impact" />
        <Stat
          label="Follow-ups done"
          value={data.followUps.completionRate === null ? "—" : `${Math.round(data.followUps.completionRate * 100)}%`}
          hint={data.followUps.overdue ? `⚠ ${data.followUps.overdue} overdue` : "none overdue"}
        />
        <TellingStat telling={data.telling} />
      </div>
      {data.incidentCount === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-10 text-center">
          <p className="text-lg font-medium">No incidents in the last {data.weeks} weeks.</p>
          <p className="mt-1 text-ink-muted">
            Trends appear as incidents are declared and resolved; record impact in the room so losses can be counted. Try a longer range
            above.
          </p>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <ChartCard
          title="Incidents per week"
          summary={
            most
              ? `${data.incidentCount} incidents; at most ${most} in one week (${busiest.length > 3 ? `${busiest.length} weeks` : busiest.join(", ")}).`
              : "No incidents in this range."
          }
        >
          <IncidentsPerWeekChart weeks={data.perWeek} />
        </ChartCard>
        <ChartCard title="Follow-up completion" summary="Done ÷ (all − won't do), for the post-mortems of incidents in this range.">
          <CompletionMeter stats={data.followUps} />
        </ChartCard>
        <ChartCard title="MTTA trend (weekly median)" summary={trendSentence("time to acknowledge", mtta)}>
          <TrendChart
            points={data.perWeek.map((w) => ({ label: w.label, value: w.mttaMinutes }))}
            name="Time to acknowledge"
            testId="chart-mtta"
            strokeClass="stroke-accent"
          />
        </ChartCard>
        <ChartCard title="MTTR trend (weekly median)" summary={trendSentence("time to resolve", mttr)}>
          <TrendChart
            points={data.perWeek.map((w) => ({ label: w.label, value: w.mttrMinutes }))}
            name="Time to resolve"
            testId="chart-mttr"
            strokeClass="stroke-st-monitoring"
          />
        </ChartCard>
        <ChartCard
          title="Loss by customer journey"
          summary={
            topJourney
              ? `${JOURNEY_LABELS[topJourney.journey]} lost the most: ${formatMoney(topJourney.loss, data.currency)}. An incident's loss is split over its journeys in proportion to each one's own loss.`
              : "No recorded impact in this range."
          }
        >
          <LossBars
            rows={data.lossByJourney.map((r) => ({ key: r.journey, label: JOURNEY_LABELS[r.journey], loss: r.loss }))}
            currency={data.currency}
            testId="chart-loss-journey"
            empty="No recorded impact in this range."
          />
        </ChartCard>
        <ChartCard
          title="Loss by service"
          summary={
            topService
              ? `${topService.name} is tied to the most loss: ${formatMoney(topService.loss, data.currency)}. An incident's loss is shared equally by the services it impacted.`
              : "No recorded impact in this range."
          }
        >
          <LossBars
            rows={data.lossByService.map((r) => ({ key: r.id, label: r.name, loss: r.loss }))}
            currency={data.currency}
            testId="chart-loss-service"
            empty="No recorded impact in this range."
          />
        </ChartCard>
      </div>
    </main>
  );
}
