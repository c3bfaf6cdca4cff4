"use client";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { safeHref } from "./entry-details.tsx";
import { ExternalIcon } from "./icons.tsx";

/** Runbook, source graph and console links an alert carried (only http(s) ones are links). */
export function AlertLinks({ event }: { event: TimelineEventDto }) {
  const raw = event.data?.links;
  if (event.kind !== "alert" || !Array.isArray(raw)) return null;
  const links = raw.flatMap((l: unknown) => {
    if (typeof l !== "object" || l === null) return [];
    const { label, url } = l as { label?: unknown; url?: unknown };
    const href = safeHref(url);
    return href && typeof label === "string" ? [{ label, href }] : [];
  });
  if (!links.length) return null;
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs" data-testid="alert-links" aria-label="Alert links">
      {links.map((l) => (
        <li key={l.href}>
          <a href={l.href} target="_blank" rel="noopener noreferrer" className="text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent">
            {l.label}
            <ExternalIcon className="ml-0.5 inline align-[-2px]" />
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
