"use client";
import Link from "next/link";
import type { RecentAlertDto } from "@/lib/integrations/integration-dto.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { cn } from "../../ui/cn.ts";

/** The latest de-duplication keys: what fired, how often, and which incident it went to. */
export function RecentAlerts({ alerts }: { alerts: RecentAlertDto[] }) {
  if (!alerts.length) {
    return (
      <p className="rounded-md border border-dashed border-line p-4 text-sm text-ink-muted">
        Nothing received yet. Send a test alert from the source: it shows here within a second.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm" data-testid="recent-alerts">
        <caption className="sr-only">Recent alerts, latest first</caption>
        <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Alert
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Status
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Count
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Incident
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last seen
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {alerts.map((a) => (
            <tr key={a.dedupKey}>
              <td className="max-w-[22rem] px-3 py-2">
                <span className="block truncate text-ink" title={a.title}>
                  {a.title}
                </span>
                <span className="block truncate font-mono text-[11px] text-ink-faint" title={a.dedupKey}>
                  {a.dedupKey}
                  {a.service ? ` · ${a.service.name}` : " · no service"}
                </span>
              </td>
              <td className="px-3 py-2">
                <span
                  className={cn("inline-flex items-center gap-1.5 text-xs font-medium", a.status === "firing" ? "text-bad" : "text-ok")}
                >
                  <span aria-hidden>{a.status === "firing" ? "▲" : "✓"}</span>
                  {a.status === "firing" ? "Firing" : "Resolved"}
                </span>
              </td>
              <td className="tabular px-3 py-2 text-right">{a.count.toLocaleString()}</td>
              <td className="px-3 py-2">
                {a.incident ? (
                  <Link href={`/incidents/${a.incident.id}`} className="text-accent hover:underline">
                    {a.incident.ref}
                    {a.incident.status === "resolved" ? <span className="text-ink-muted"> (resolved)</span> : null}
                  </Link>
                ) : (
                  <span className="text-ink-muted">—</span>
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-xs">
                <Timestamp iso={a.lastSeenAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
