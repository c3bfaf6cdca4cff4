import type { ReactNode } from "react";
import { formatMoney, formatWholeCount } from "@/lib/impact/format.ts";
import type { PostmortemFacts } from "@/lib/postmortems/draft.ts";
import { formatDateTime, formatDuration } from "@/lib/time/format.ts";

const span = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));
const at = (iso: string | null, tz: string) => (iso ? formatDateTime(new Date(iso), tz) : "—");

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-ink-muted print:text-black/60">{label}</dt>
      <dd className="truncate font-medium tabular">{children}</dd>
    </div>
  );
}

/** The record as it stood when drafted: what leadership reads first. */
export function FactSheet({ facts }: { facts: PostmortemFacts }) {
  const c = facts.impact.currency;
  const told = facts.teams.filter((t) => t.notifiedAt).length;
  return (
    <dl
      className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-md border border-line bg-surface p-4 text-sm sm:grid-cols-4 print:border-black/30 print:bg-white"
      data-testid="fact-sheet"
    >
      <Fact label="Started">{at(facts.keyTimes.startedAt, facts.timeZone)}</Fact>
      <Fact label="Resolved">{at(facts.keyTimes.resolvedAt, facts.timeZone)}</Fact>
      <Fact label="Duration (MTTR)">{span(facts.durations.mttrMs)}</Fact>
      <Fact label="Acknowledged after (MTTA)">{span(facts.durations.mttaMs)}</Fact>
      <Fact label="Revenue lost or at risk">{formatMoney(facts.impact.loss.revenue, c)}</Fact>
      <Fact label="Orders affected">{formatWholeCount(facts.impact.loss.orders)}</Fact>
      <Fact label="Customers affected">{formatWholeCount(facts.impact.loss.customers)}</Fact>
      <Fact label="Commander">{facts.incident.commander ?? "—"}</Fact>
      <div className="col-span-2 min-w-0">
        <dt className="text-xs text-ink-muted print:text-black/60">Services</dt>
        <dd className="truncate" title={facts.services.map((s) => s.name).join(", ")}>
          {facts.services.length ? facts.services.map((s) => s.name).join(", ") : "—"}
        </dd>
      </div>
      <div className="col-span-2 min-w-0">
        <dt className="text-xs text-ink-muted print:text-black/60">Teams told</dt>
        <dd
          className="truncate print:overflow-visible print:whitespace-normal"
          title={facts.teams.map((t) => `${t.name}${t.notifiedAt ? "" : " (not told)"}`).join(", ")}
        >
          {facts.teams.length ? `${told} of ${facts.teams.length}: ${facts.teams.map((t) => t.name).join(", ")}` : "—"}
        </dd>
      </div>
    </dl>
  );
}
