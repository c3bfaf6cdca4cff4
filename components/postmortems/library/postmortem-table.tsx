import Link from "next/link";
import { SeverityBadge } from "@/components/incidents/severity-badge.tsx";
import { Timestamp } from "@/components/time/timestamp.tsx";
import { formatMoney } from "@/lib/impact/format.ts";
import type { PostmortemListItemDto } from "@/lib/postmortems/postmortem-list-dto.ts";

const STATUS_LABEL = { draft: "Draft", in_review: "In review", published: "Published" } as const;

/** "2 h 10 min", "52 min". */
export function formatSpan(ms: number | null): string {
  if (ms === null) return "ongoing";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function PostmortemTable({ postmortems, currency }: { postmortems: PostmortemListItemDto[]; currency: string }) {
  return (
    <div className="max-w-full overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">Post-mortems, newest first</caption>
        <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Post-mortem</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">Severity</th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">Published</th>
            <th scope="col" className="hidden px-4 py-2 text-right font-medium md:table-cell">Duration</th>
            <th scope="col" className="px-4 py-2 text-right font-medium">Loss</th>
            <th scope="col" className="px-4 py-2 text-right font-medium"><span className="hidden sm:inline">Open follow-ups</span><span className="sm:hidden">Open</span></th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell"><span className="sr-only">Export</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {postmortems.map((p) => (
            <tr key={p.id} className="hover:bg-raised/60" data-testid="postmortem-row">
              <td className="px-4 py-3 md:max-w-[32rem]">
                <Link href={`/postmortems/${p.id}`} className="group block">
                  <span className="mr-2 font-mono text-xs text-ink-faint">{p.incident.ref}</span>
                  <span className="font-medium text-ink group-hover:underline">{p.title}</span>
                </Link>
                {p.services.length ? <p className="mt-0.5 text-xs text-ink-faint">{p.services.map((s) => s.name).join(" · ")}</p> : null}
                {/* On a phone the severity and duration ride under the title instead of in columns. */}
                <p className="mt-1 flex items-center gap-2 text-xs text-ink-muted sm:hidden">
                  <SeverityBadge severity={p.incident.severity} />
                  <span className="tabular">{formatSpan(p.durationMs)}</span>
                </p>
              </td>
              <td className="hidden px-4 py-3 sm:table-cell"><SeverityBadge severity={p.incident.severity} /></td>
              <td className="hidden px-4 py-3 text-ink-muted md:table-cell">
                {p.publishedAt ? <Timestamp iso={p.publishedAt} withDate /> : <span className="rounded border border-line px-1.5 py-0.5 text-xs">{STATUS_LABEL[p.status]}</span>}
              </td>
              <td className="hidden px-4 py-3 text-right whitespace-nowrap text-ink-muted tabular md:table-cell">{formatSpan(p.durationMs)}</td>
              <td className="px-4 py-3 text-right whitespace-nowrap tabular">{formatMoney(p.loss, currency)}</td>
              <td className="px-4 py-3 text-right tabular">
                {p.openFollowUps ? <Link href="/follow-ups" className="hover:underline">{p.openFollowUps}</Link> : <span className="text-ink-faint">0</span>}
              </td>
              <td className="hidden px-4 py-3 text-right whitespace-nowrap sm:table-cell">
                {p.publishedRevision > 0 ? (
                  <a href={`/api/postmortems/${p.id}/export.md`} download className="text-xs text-accent hover:underline">
                    Markdown<span className="sr-only"> export of {p.title}</span> ↓
                  </a>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
