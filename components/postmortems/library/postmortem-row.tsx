"use client";
import Link from "next/link";
import { useState } from "react";
import { SeverityBadge } from "@/components/incidents/severity-badge.tsx";
import { ActionItemsPanel } from "@/components/postmortems/action-items/action-items-panel.tsx";
import type { OwnerOptions } from "@/components/postmortems/action-items/owner-options.ts";
import { Timestamp } from "@/components/time/timestamp.tsx";
import { formatMoney } from "@/lib/impact/format.ts";
import type { PostmortemListItemDto } from "@/lib/postmortems/postmortem-list-dto.ts";
import { formatSpan } from "./format-span.ts";

const STATUS_LABEL = { draft: "Draft", in_review: "In review", published: "Published" } as const;

/** One post-mortem; its follow-ups open underneath, to review and update without leaving the list. */
export function PostmortemRow({
  postmortem: p,
  currency,
  canEdit,
  owners,
}: {
  postmortem: PostmortemListItemDto;
  currency: string;
  canEdit: boolean;
  owners: OwnerOptions;
}) {
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <tr className="hover:bg-raised/60" data-testid="postmortem-row">
        <td className="px-4 py-3 md:max-w-[32rem]">
          <Link href={`/postmortems/${p.id}`} className="group block">
            <span className="mr-2 font-mono text-xs text-ink-faint">{p.incident.ref}</span>
            {/* Drafted titles start with the ref ("INC-7: …"), which is already beside it. */}
            <span className="font-medium text-ink group-hover:underline">
              {p.title.startsWith(`${p.incident.ref}: `) ? p.title.slice(p.incident.ref.length + 2) : p.title}
            </span>
          </Link>
          {p.services.length ? <p className="mt-0.5 text-xs text-ink-faint">{p.services.map((s) => s.name).join(" · ")}</p> : null}
          {/* On a phone the severity and duration ride under the title instead of in columns. */}
          <p className="mt-1 flex items-center gap-2 text-xs text-ink-muted sm:hidden">
            <SeverityBadge severity={p.incident.severity} />
            <span className="tabular">{formatSpan(p.durationMs)}</span>
          </p>
        </td>
        <td className="hidden px-4 py-3 sm:table-cell">
          <SeverityBadge severity={p.incident.severity} />
        </td>
        <td className="hidden px-4 py-3 text-ink-muted md:table-cell">
          {p.publishedAt ? (
            <Timestamp iso={p.publishedAt} withDate />
          ) : (
            <span className="rounded border border-line px-1.5 py-0.5 text-xs">{STATUS_LABEL[p.status]}</span>
          )}
        </td>
        <td className="hidden px-4 py-3 text-right whitespace-nowrap text-ink-muted tabular md:table-cell">{formatSpan(p.durationMs)}</td>
        <td className="px-4 py-3 text-right whitespace-nowrap tabular">{formatMoney(p.loss, currency)}</td>
        <td className="px-4 py-3 text-right tabular">
          <button
            type="button"
            aria-expanded={isOpen}
            aria-controls={`follow-ups-${p.id}`}
            aria-label={`${p.openFollowUps} open follow-ups of ${p.title}: ${isOpen ? "hide" : "show"} action items`}
            onClick={() => setOpen((v) => !v)}
            className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-raised"
          >
            <span className={p.openFollowUps ? "text-ink" : "text-ink-faint"}>{p.openFollowUps}</span>
            <span aria-hidden className="text-[10px] text-ink-faint">
              {isOpen ? "▴" : "▾"}
            </span>
          </button>
        </td>
        <td className="hidden px-4 py-3 text-right whitespace-nowrap sm:table-cell">
          {p.publishedRevision > 0 ? (
            <a href={`/api/postmortems/${p.id}/export.md`} download className="text-xs text-accent hover:underline">
              Markdown<span className="sr-only"> export of {p.title}</span> ↓
            </a>
          ) : null}
        </td>
      </tr>
      {isOpen ? (
        <tr id={`follow-ups-${p.id}`}>
          <td colSpan={7} className="bg-canvas px-4 py-4">
            <ActionItemsPanel postmortemId={p.id} canEdit={canEdit} owners={owners} withShortcut={false} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
