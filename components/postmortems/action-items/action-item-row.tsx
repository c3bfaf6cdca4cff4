"use client";
import Link from "next/link";
import { useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import { SeverityBadge } from "@/components/incidents/severity-badge.tsx";
import { Button } from "@/components/ui/button.tsx";
import type { ActionItemDto } from "@/lib/action-items/action-item-dto.ts";
import { DueDate, PriorityBadge } from "./action-item-badges.tsx";
import { ActionItemForm } from "./action-item-form.tsx";
import type { OwnerOptions } from "./owner-options.ts";
import { StatusSelect } from "./status-select.tsx";

interface Props {
  item: ActionItemDto;
  today: string;
  canEdit: boolean;
  owners: OwnerOptions | null;
  /** On the follow-ups page: which post-mortem and incident the item came from. */
  showSource?: boolean;
  onChanged: (item: ActionItemDto) => void;
  onDeleted?: (id: string) => void;
}

/** One follow-up: what, who, when, how urgent, where it stands; editable in place for writers. */
export function ActionItemRow({ item, today, canEdit, owners, showSource = false, onChanged, onDeleted }: Props) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (editing) {
    return (
      <li className="py-3" data-testid="action-item">
        <ActionItemForm
          item={item}
          postmortemId={item.postmortemId}
          owners={owners}
          onSaved={(saved) => {
            setEditing(false);
            onChanged(saved);
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }

  async function remove() {
    if (!window.confirm(`Delete "${item.title}"? To keep the record, mark it "Won't do" instead.`)) return;
    const res = await apiRequest<{ id: string }>(`/api/action-items/${item.id}`, { method: "DELETE" });
    if (res.ok) onDeleted?.(item.id);
    else setError(res.error.message);
  }

  const { incident } = item.postmortem;
  return (
    <li
      className="grid gap-x-4 gap-y-2 py-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center"
      data-testid="action-item"
      data-overdue={item.isOverdue || undefined}
    >
      <div className="min-w-0 space-y-1">
        <p
          className={
            item.status === "done" || item.status === "wont_do"
              ? "text-ink-muted line-through decoration-ink-faint"
              : "font-medium text-ink"
          }
        >
          {item.title}
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="text-ink-muted">
            {item.owner ? (
              <>
                <span className="sr-only">Owner: </span>
                {item.owner.name}
                {item.owner.kind === "team" ? <span className="text-ink-faint"> · team</span> : null}
              </>
            ) : (
              <span className="text-ink-faint">No owner</span>
            )}
          </span>
          <DueDate
            day={item.dueDate}
            today={today}
            isOverdue={item.isOverdue}
            isFinished={item.status === "done" || item.status === "wont_do"}
          />
          <PriorityBadge priority={item.priority} />
          {item.ticketUrl ? (
            <a href={item.ticketUrl} target="_blank" rel="noreferrer noopener" className="text-accent hover:underline">
              Ticket<span className="sr-only"> for {item.title}</span> ↗
            </a>
          ) : null}
        </div>
        {showSource ? (
          <p className="flex flex-wrap items-center gap-2 text-xs text-ink-faint">
            <SeverityBadge severity={incident.severity} />
            <Link href={`/incidents/${incident.id}`} className="font-mono hover:text-ink hover:underline">
              {incident.ref}
            </Link>
            <Link href={`/postmortems/${item.postmortemId}`} className="text-ink-muted hover:text-ink hover:underline">
              {item.postmortem.title}
            </Link>
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-2 sm:justify-end">
        <StatusSelect item={item} canEdit={canEdit} onChanged={onChanged} />
        {canEdit ? (
          <>
            <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit "${item.title}"`}>
              Edit
            </Button>
            {onDeleted ? (
              <Button variant="ghost" size="sm" onClick={() => void remove()} aria-label={`Delete "${item.title}"`}>
                Delete
              </Button>
            ) : null}
          </>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-xs text-sev1 sm:col-span-2">
          {error}
        </p>
      ) : null}
    </li>
  );
}
