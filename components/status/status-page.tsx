import { JOURNEY_LABELS } from "@/lib/vocabulary/catalog.ts";
import type { CustomerStatusName } from "@/lib/stakeholder/constants.ts";
import type { PublicIncidentDto, PublicStatusDto, PublicUpdateDto } from "@/lib/status/public-status-dto.ts";
import { formatDateTime } from "@/lib/time/format.ts";
import { CUSTOMER_STATUS_STYLE, CustomerStatusTag } from "../stakeholder/customer-status-tag.tsx";
import { cn } from "../ui/cn.ts";

// Server-rendered, no script needed: customers on a phone during an outage get text fast.
// Every string from an update is rendered as text (React escapes it), never as HTML.

const BANNER: Record<CustomerStatusName, string> = {
  operational: "border-ok/50 bg-ok/10",
  degraded: "border-warn/60 bg-warn/10",
  partial_outage: "border-sev2/60 bg-sev2/10",
  major_outage: "border-bad/60 bg-bad/10",
};

export function StatusPage({ status }: { status: PublicStatusDto }) {
  const tz = status.organization.timeZone;
  const time = (iso: string) => formatDateTime(new Date(iso), tz);
  const banner = CUSTOMER_STATUS_STYLE[status.overall.status];
  const active = status.activeIncidents.length > 0;
  return (
    <div className="theme-auto min-h-screen bg-canvas text-ink">
      <main className="mx-auto max-w-3xl space-y-8 px-4 py-8 sm:py-12">
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold tracking-tight">{status.organization.name} status</h1>
          <p className="text-xs text-ink-muted">
            Updated <time dateTime={status.generatedAt}>{time(status.generatedAt)}</time>
          </p>
        </header>

        <section
          aria-label="Overall status"
          data-testid="status-banner"
          data-status={status.overall.status}
          className={cn("flex items-center gap-3 rounded-lg border p-4 sm:p-5", BANNER[status.overall.status])}
        >
          <span aria-hidden className={cn("font-mono text-2xl leading-none", banner.text)}>
            {active && status.overall.status === "operational" ? "ℹ" : banner.glyph}
          </span>
          <p className="text-lg font-semibold">{status.overall.label}</p>
        </section>

        <section aria-labelledby="journeys-title" className="space-y-3">
          <h2 id="journeys-title" className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
            Shopping journeys
          </h2>
          <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-surface" data-testid="status-journeys">
            {status.journeys.map((j) => (
              <li
                key={j.journey}
                className="flex items-center justify-between gap-3 px-4 py-3"
                data-journey={j.journey}
                data-status={j.status}
              >
                <span className="font-medium">{j.label}</span>
                <CustomerStatusTag status={j.status} />
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="active-title" className="space-y-3">
          <h2 id="active-title" className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
            Current incidents
          </h2>
          {active ? (
            status.activeIncidents.map((i) => <IncidentCard key={i.key} incident={i} time={time} />)
          ) : (
            <p className="rounded-lg border border-line bg-surface px-4 py-3 text-ink-muted">No incidents right now.</p>
          )}
        </section>

        <section aria-labelledby="resolved-title" className="space-y-3">
          <h2 id="resolved-title" className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
            Resolved in the last 7 days
          </h2>
          {status.resolvedIncidents.length ? (
            status.resolvedIncidents.map((i) => <IncidentCard key={i.key} incident={i} time={time} />)
          ) : (
            <p className="rounded-lg border border-line bg-surface px-4 py-3 text-ink-muted">Nothing to report in the last 7 days.</p>
          )}
        </section>

        <footer className="border-t border-line pt-4 text-xs text-ink-muted">
          Times in {tz}. This page refreshes when you reload it; machine-readable at{" "}
          <a className="underline underline-offset-2" href={`/api/status/${encodeURIComponent(status.organization.slug)}`}>
            /api/status/{status.organization.slug}
          </a>
          .
        </footer>
      </main>
    </div>
  );
}

function IncidentCard({ incident, time }: { incident: PublicIncidentDto; time: (iso: string) => string }) {
  const latest = incident.updates[0];
  const body = (
    <>
      {incident.journeys.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Affected journeys">
          {incident.journeys.map((j) => (
            <li key={j.journey}>
              <CustomerStatusTag status={j.status} label={JOURNEY_LABELS[j.journey]} />
            </li>
          ))}
        </ul>
      ) : null}
      <ol className="space-y-4 border-l border-line pl-4" aria-label="Updates, newest first">
        {incident.updates.map((u, n) => (
          <UpdateItem key={`${u.at}-${n}`} update={u} time={time} isLatest={n === 0 && !incident.isResolved} />
        ))}
      </ol>
    </>
  );
  return (
    <article className="space-y-3 rounded-lg border border-line bg-surface p-4" data-testid="status-incident">
      <header className="space-y-1">
        <h3 className="font-semibold break-words">{incident.headline}</h3>
        <p className="text-xs text-ink-muted">
          <span className="font-medium text-ink">{incident.stage}</span>
          {" · "}
          {incident.isResolved && incident.resolvedAt ? (
            <>
              resolved <time dateTime={incident.resolvedAt}>{time(incident.resolvedAt)}</time>
            </>
          ) : (
            <>
              since <time dateTime={incident.startedAt}>{time(incident.startedAt)}</time>
            </>
          )}
          {latest ? ` · ${incident.updates.length} update${incident.updates.length === 1 ? "" : "s"}` : null}
        </p>
      </header>
      {incident.isResolved ? (
        <details className="group space-y-3">
          <summary className="cursor-pointer text-sm text-ink-muted hover:text-ink">Show the updates</summary>
          <div className="mt-3 space-y-3">{body}</div>
        </details>
      ) : (
        body
      )}
    </article>
  );
}

function UpdateItem({ update, time, isLatest }: { update: PublicUpdateDto; time: (iso: string) => string; isLatest: boolean }) {
  return (
    <li className="space-y-1" data-testid="status-update">
      <p className="text-xs text-ink-muted">
        <time dateTime={update.at}>{time(update.at)}</time>
      </p>
      <p className="break-words whitespace-pre-wrap">{update.affected}</p>
      <p className="break-words whitespace-pre-wrap text-ink-muted">
        <span className="font-medium text-ink">What we are doing: </span>
        {update.doing}
      </p>
      {isLatest && update.nextUpdateBy ? (
        <p className="text-xs text-ink-muted">
          Next update by <time dateTime={update.nextUpdateBy}>{time(update.nextUpdateBy)}</time>
        </p>
      ) : null}
    </li>
  );
}
