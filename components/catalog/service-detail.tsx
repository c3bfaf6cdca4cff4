"use client";
import Link from "next/link";
import { useState } from "react";
import type { NamedRef, ServiceDetailDto } from "@/lib/catalog/catalog-dto.ts";
import { SERVICE_KIND_LABELS } from "@/lib/vocabulary/catalog.ts";
import type { ServiceSummaryDto } from "@/lib/catalog/list-services.ts";
import { SeverityBadge } from "../incidents/severity-badge.tsx";
import { Timestamp } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { useShortcut } from "../ui/use-shortcut.ts";
import { AddDependencyForm } from "./add-dependency-form.tsx";
import { DeleteEntity } from "./delete-entity.tsx";
import { DependencyTable } from "./dependency-table.tsx";
import { HealthBadge } from "./health-badge.tsx";
import { JourneyChips } from "./journey-chips.tsx";
import { OwnerCard } from "./owner-card.tsx";
import { ServiceForm } from "./service-form.tsx";
import { TierBadge } from "./tier-badge.tsx";
import { useCatalogLive } from "./use-catalog-live.ts";

interface Props {
  service: ServiceDetailDto;
  /** Every service of the organisation, for the dependency pickers. */
  services: ServiceSummaryDto[];
  teams: NamedRef[];
  canEdit: boolean;
}

export function ServiceDetail({ service: s, services, teams, canEdit }: Props) {
  const [editing, setEditing] = useState(false);
  useCatalogLive();
  useShortcut("e", () => canEdit && setEditing(true));
  const calls = new Set(s.dependsOn.map((d) => d.service.id));
  const callers = new Set(s.dependedBy.map((d) => d.service.id));
  const edges = s.dependsOn.length + s.dependedBy.length;

  return (
    <main className="mx-auto w-full max-w-[1400px] space-y-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <div className="min-w-0 space-y-1">
          <p className="text-sm text-ink-muted">
            <Link href="/catalog" className="hover:underline">
              Catalog
            </Link>{" "}
            / Services
          </p>
          <h1 className="text-2xl font-semibold break-words">{s.name}</h1>
          <div className="flex flex-wrap items-center gap-3 text-sm text-ink-muted">
            <HealthBadge health={s.health} message={s.healthMessage} />
            <TierBadge tier={s.tier} />
            <span>{SERVICE_KIND_LABELS[s.kind]}</span>
            {s.system ? (
              <span>
                System <span className="text-ink">{s.system}</span>
              </span>
            ) : null}
          </div>
        </div>
        <div className="ml-auto flex items-center gap-2">
          {s.runbookUrl ? (
            <a
              href={s.runbookUrl}
              target="_blank"
              rel="noreferrer"
              className="inline-flex h-8 items-center gap-1.5 rounded-md border border-accent/60 px-3 text-sm font-medium text-accent hover:bg-accent/10"
            >
              Open runbook <span aria-hidden>↗</span>
            </a>
          ) : null}
          {canEdit && !editing ? (
            <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
              Edit <Kbd>E</Kbd>
            </Button>
          ) : null}
        </div>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_340px]">
        <div className="min-w-0 space-y-6">
          {editing ? (
            <section aria-label="Edit service" className="rounded-lg border border-accent/40 bg-surface p-4 sm:p-5">
              <ServiceForm service={s} teams={teams} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
            </section>
          ) : (
            <About service={s} />
          )}

          <section aria-labelledby="calls-heading" className="space-y-2">
            <h2 id="calls-heading" className="font-semibold">
              Calls <span className="font-normal text-ink-muted">· depends on {s.dependsOn.length}</span>
            </h2>
            <p className="text-xs text-ink-muted">Where to look when {s.name} fails: the services it needs.</p>
            <DependencyTable
              label={`Services ${s.name} depends on`}
              edges={s.dependsOn}
              canEdit={canEdit}
              empty={`${s.name} depends on no other service.`}
              describe={(other) => `${s.name} → ${other}`}
            />
            {canEdit ? (
              <AddDependencyForm self={s} direction="dependsOn" candidates={services.filter((c) => c.id !== s.id && !calls.has(c.id))} />
            ) : null}
          </section>

          <section aria-labelledby="callers-heading" className="space-y-2">
            <h2 id="callers-heading" className="font-semibold">
              Called by <span className="font-normal text-ink-muted">· {s.dependedBy.length} depend on it</span>
            </h2>
            <p className="text-xs text-ink-muted">Who suffers when {s.name} fails, and whose owners must be told.</p>
            <DependencyTable
              label={`Services that depend on ${s.name}`}
              edges={s.dependedBy}
              canEdit={canEdit}
              empty={`Nothing calls ${s.name}.`}
              describe={(other) => `${other} → ${s.name}`}
            />
            {canEdit ? (
              <AddDependencyForm self={s} direction="dependedBy" candidates={services.filter((c) => c.id !== s.id && !callers.has(c.id))} />
            ) : null}
          </section>
          {canEdit ? (
            <DeleteEntity
              what="service"
              name={s.name}
              url={`/api/services/${s.id}`}
              consequence={
                edges ? `Its ${edges === 1 ? "1 dependency goes" : `${edges} dependencies go`} with it.` : "It has no dependencies."
              }
            />
          ) : null}
        </div>

        {/* Who to call comes first on a phone: that is what a responder opens this page for. */}
        <aside className="order-first space-y-4 lg:order-none" aria-label="Ownership and incidents">
          <OwnerCard team={s.team} />
          <OpenIncidents incidents={s.openIncidents} />
        </aside>
      </div>
    </main>
  );
}

function About({ service: s }: { service: ServiceDetailDto }) {
  return (
    <section aria-labelledby="about-heading" className="space-y-4 rounded-lg border border-line bg-surface p-4 sm:p-5">
      <h2 id="about-heading" className="sr-only">
        About
      </h2>
      <p className={s.description ? "text-ink" : "text-ink-faint"}>{s.description || "No description yet."}</p>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs text-ink-muted">Customer journeys</dt>
          <dd className="mt-1">
            <JourneyChips journeys={s.journeys} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-ink-muted">Runbook</dt>
          <dd className="mt-0.5 break-all">
            {s.runbookUrl ? (
              <a href={s.runbookUrl} target="_blank" rel="noreferrer" className="text-accent hover:underline">
                {s.runbookUrl}
              </a>
            ) : (
              <span className="font-medium text-warn">
                <span aria-hidden>! </span>None: what will on-call do at 2 AM?
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-ink-muted">Health</dt>
          <dd className="mt-0.5 space-y-0.5">
            <HealthBadge health={s.health} />
            {s.healthMessage ? <p className="text-xs text-ink-muted">{s.healthMessage}</p> : null}
            {s.healthCheckedAt ? (
              <p className="text-xs text-ink-muted">
                Checked <Timestamp iso={s.healthCheckedAt} withDate />
              </p>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-ink-muted">Health-check URL</dt>
          <dd className="mt-0.5 break-all font-mono text-xs">
            {s.healthCheckUrl ?? <span className="font-sans text-ink-faint">None (health is pushed, if at all)</span>}
          </dd>
          {s.healthCheckUrl && !s.healthCheckEnabled ? (
            <dd className="mt-0.5 text-xs text-warn" data-testid="health-check-off">
              Not polled until someone turns it on (imported): edit the service to enable it.
            </dd>
          ) : null}
        </div>
        <div>
          <dt className="text-xs text-ink-muted">Alert aliases</dt>
          <dd className="mt-0.5 text-xs" data-testid="service-aliases">
            {s.aliases.length ? s.aliases.join(", ") : <span className="text-ink-faint">None (alerts match the name)</span>}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function OpenIncidents({ incidents }: { incidents: ServiceDetailDto["openIncidents"] }) {
  return (
    <section aria-labelledby="incidents-heading" className="space-y-2 rounded-lg border border-line bg-surface p-4">
      <h2 id="incidents-heading" className="text-xs font-semibold uppercase tracking-wide text-ink-muted">
        Open incidents
      </h2>
      {incidents.length ? (
        <ul className="space-y-2">
          {incidents.map((i) => (
            <li key={i.id} className="text-sm">
              <Link href={`/incidents/${i.id}`} className="group flex items-start gap-2">
                <SeverityBadge severity={i.severity} />
                <span className="min-w-0">
                  <span className="mr-1 font-mono text-xs text-ink-faint">{i.ref}</span>
                  <span className="group-hover:underline">{i.title}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-ink-muted">Not impacted in any open incident.</p>
      )}
    </section>
  );
}
