"use client";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { safeHref } from "./entry-details.tsx";
import { ExternalIcon } from "./icons.tsx";

/** Who the source says owns the alert, and the runbook, graph and console links it carried (only http(s) ones are links). */
export function AlertLinks({ event }: { event: TimelineEventDto }) {
  const raw = event.data?.links;
  if (event.kind !== "alert") return null;
  const links = (Array.isArray(raw) ? raw : []).flatMap((l: unknown) => {
    if (typeof l !== "object" || l === null) return [];
    const { label, url } = l as { label?: unknown; url?: unknown };
    const href = safeHref(url);
    return href && typeof label === "string" ? [{ label, href }] : [];
  });
  const owners = ownersLine(event.data?.owners);
  if (!links.length && !owners) return null;
  return (
    <>
      {owners ? (
        <p className="mt-1 text-xs text-ink-muted" data-testid="alert-owners">
          {owners}
        </p>
      ) : null}
      {links.length ? <LinkList links={links} /> : null}
    </>
  );
}

/** "Teams: Payments · Assigned: Dana · Escalation: Default", from PagerDuty or Opsgenie. */
function ownersLine(raw: unknown): string | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { teams, people, escalationPolicy } = raw as { teams?: unknown; people?: unknown; escalationPolicy?: unknown };
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const parts = [
    list(teams).length ? `Teams: ${list(teams).join(", ")}` : null,
    list(people).length ? `Assigned: ${list(people).join(", ")}` : null,
    typeof escalationPolicy === "string" ? `Escalation: ${escalationPolicy}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

function LinkList({ links }: { links: { label: string; href: string }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs" data-testid="alert-links" aria-label="Alert links">
      {links.map((l) => (
        <li key={l.href}>
          <a
            href={l.href}
            target="_blank"
            rel="noopener noreferrer"
            className="text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent"
          >
            {l.label}
            <ExternalIcon className="ml-0.5 inline align-[-2px]" />
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
