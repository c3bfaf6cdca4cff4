"use client";
import Link from "next/link";
import { useEffect, useRef, type ReactNode } from "react";
import { JOURNEY_LABELS, SERVICE_KIND_LABELS, TIER_LABELS } from "@/lib/vocabulary/catalog.ts";
import type { CatalogGraphDto, GraphServiceDto } from "@/lib/catalog/get-catalog-graph.ts";
import { SeverityBadge } from "../../incidents/severity-badge.tsx";
import { Timestamp } from "../../time/timestamp.tsx";
import { cn } from "../../ui/cn.ts";
import { Kbd } from "../../ui/kbd.tsx";
import { HEALTH_INFO } from "./map-style.ts";
import type { IncidentRole } from "./map-view.ts";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-line px-4 py-3">
      <h3 className="mb-1.5 text-[11px] font-semibold uppercase tracking-wide text-ink-muted">{title}</h3>
      <div className="space-y-1 text-sm">{children}</div>
    </section>
  );
}

const Missing = ({ children }: { children: ReactNode }) => <p className="text-ink-faint">{children}</p>;

interface Props {
  service: GraphServiceDto;
  graph: CatalogGraphDto;
  role: IncidentRole | null;
  onSelect: (serviceId: string) => void;
  onClose: () => void;
}

/** Everything a responder needs about one service without leaving the map: who, how, and what it touches. */
export function ServiceDrawer({ service, graph, role, onSelect, onClose }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const team = graph.teams.find((t) => t.id === service.team.id);
  const nameOf = new Map(graph.services.map((s) => [s.id, s.name]));
  const dependsOn = graph.dependencies.filter((d) => d.from === service.id);
  const usedBy = graph.dependencies.filter((d) => d.to === service.id);
  const health = HEALTH_INFO[service.health];

  // Focus moves to the drawer when it opens on a new service, so keyboard users land in it;
  // except from the search box, where Enter again must jump to the next match.
  useEffect(() => {
    if (document.activeElement instanceof HTMLInputElement) return;
    headingRef.current?.focus({ preventScroll: true });
  }, [service.id]);

  const serviceLink = (id: string, note: string) => (
    <li key={`${id}-${note}`} className="flex items-baseline gap-2">
      <button type="button" onClick={() => onSelect(id)} className="truncate text-left text-ink hover:text-accent hover:underline">
        {nameOf.get(id) ?? "Unknown service"}
      </button>
      <span className="shrink-0 text-xs text-ink-faint">{note}</span>
    </li>
  );

  return (
    <aside
      aria-labelledby="service-drawer-title"
      data-testid="service-drawer"
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
      className="flex h-full w-[360px] max-w-full shrink-0 flex-col overflow-y-auto border-l border-line bg-surface"
    >
      <header className="flex items-start gap-2 px-4 pt-4 pb-3">
        <div className="min-w-0 flex-1">
          <h2
            id="service-drawer-title"
            ref={headingRef}
            tabIndex={-1}
            style={{ outline: "none" }}
            className="text-base font-semibold leading-snug"
          >
            {service.name}
          </h2>
          <p className="mt-0.5 text-xs text-ink-muted">
            {SERVICE_KIND_LABELS[service.kind]} · {TIER_LABELS[service.tier as 1 | 2 | 3] ?? `Tier ${service.tier}`}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close details"
          className="rounded px-1.5 py-0.5 text-ink-muted hover:bg-raised hover:text-ink"
        >
          ✕ <span className="sr-only">Close</span>
        </button>
      </header>

      {role ? (
        <div className="mx-4 mb-3 rounded-md border border-accent/50 bg-accent/10 px-3 py-2 text-sm" data-testid="drawer-role">
          {role.kind === "impacted" ? <p className="font-medium text-ink">Marked impacted in this incident.</p> : null}
          {role.kind === "suspect" ? <p className="text-ink">Called by an impacted service: a place to look for the cause.</p> : null}
          {role.kind === "affected" ? (
            <p className="text-ink">
              In the blast radius, {role.depth} {role.depth === 1 ? "hop" : "hops"} away:{" "}
              <span className="text-ink-muted">{role.path.map((id) => nameOf.get(id) ?? "?").join(" → ")}</span>
            </p>
          ) : null}
        </div>
      ) : null}

      <Section title="Health">
        <p className={cn("flex items-center gap-1.5 font-semibold", health.text)} data-testid="drawer-health">
          <span aria-hidden>{health.mark}</span>
          {health.label}
        </p>
        {service.healthMessage ? <p className="break-words text-ink">{service.healthMessage}</p> : null}
        <p className="text-xs text-ink-muted">
          {service.healthCheckedAt ? (
            <>
              Last report <Timestamp iso={service.healthCheckedAt} withDate />
            </>
          ) : (
            "No report yet."
          )}
        </p>
        <p className="text-xs text-ink-faint">
          {service.isPolled
            ? "Warroom polls its health-check URL; pushes count too (the latest wins)."
            : "No health-check URL: health arrives when the service pushes it with an API token."}
        </p>
      </Section>

      <Section title="Owner">
        <p className="font-medium text-ink" data-testid="drawer-owner">
          {service.team.name}
          {team?.chatChannel ? <span className="ml-2 font-normal text-ink-muted">{team.chatChannel}</span> : null}
        </p>
      </Section>

      <Section title="On call">
        {team?.onCall.length ? (
          <ol className="space-y-0.5" data-testid="drawer-oncall">
            {team.onCall.map((c, i) => (
              <li key={`${c}-${i}`} className="break-words text-ink">
                {i === 0 ? c : <span className="text-ink-muted">then {c}</span>}
              </li>
            ))}
          </ol>
        ) : (
          <Missing>No on-call contact for {service.team.name}: add one in the catalog.</Missing>
        )}
        <p className="text-xs text-ink-muted">
          Escalation: {team?.escalationContact ? <span className="text-ink">{team.escalationContact}</span> : "none set"}
        </p>
      </Section>

      <Section title="Runbook">
        {service.runbookUrl ? (
          <a
            href={service.runbookUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="break-all text-accent hover:underline"
            data-testid="drawer-runbook"
          >
            {service.runbookUrl} <span aria-hidden>↗</span>
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        ) : (
          <Missing>No runbook linked.</Missing>
        )}
      </Section>

      <Section title={`Open incidents (${service.openIncidents.length})`}>
        {service.openIncidents.length ? (
          <ul className="space-y-1.5">
            {service.openIncidents.map((i) => (
              <li key={i.id} className="flex items-center gap-2">
                <SeverityBadge severity={i.severity} />
                <Link href={`/incidents/${i.id}`} className="min-w-0 truncate text-ink hover:text-accent hover:underline">
                  <span className="font-mono text-xs text-ink-faint">{i.ref}</span> {i.title}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <Missing>None.</Missing>
        )}
      </Section>

      <Section title={`Depends on (${dependsOn.length})`}>
        {dependsOn.length ? (
          <ul>
            {dependsOn.map((d) =>
              serviceLink(d.to, [d.async ? "async" : "sync", d.critical ? "critical" : ""].filter(Boolean).join(" · ")),
            )}
          </ul>
        ) : (
          <Missing>Nothing.</Missing>
        )}
      </Section>

      <Section title={`Used by (${usedBy.length})`}>
        {usedBy.length ? (
          <ul>{usedBy.map((d) => serviceLink(d.from, d.async ? "async" : "sync"))}</ul>
        ) : (
          <Missing>Nothing depends on it.</Missing>
        )}
      </Section>

      {service.journeys.length ? (
        <Section title="Customer journeys">
          <p className="text-ink">{service.journeys.map((j) => JOURNEY_LABELS[j]).join(", ")}</p>
        </Section>
      ) : null}

      {service.description ? (
        <Section title="About">
          <p className="text-ink-muted">{service.description}</p>
        </Section>
      ) : null}

      <footer className="mt-auto flex items-center justify-between border-t border-line px-4 py-3 text-sm">
        <Link href={`/catalog/services/${service.id}`} className="text-accent hover:underline">
          Open in catalog →
        </Link>
        <span className="text-xs text-ink-faint">
          <Kbd>Esc</Kbd> closes
        </span>
      </footer>
    </aside>
  );
}
