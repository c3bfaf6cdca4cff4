"use client";
import { useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import type { ActionItemDto } from "@/lib/action-items/action-item-dto.ts";
import { ACTION_ITEM_STATUSES, ACTION_ITEM_STATUS_LABELS, type ActionItemStatusName } from "@/lib/action-items/constants.ts";
import { cn } from "@/components/ui/cn.ts";

const ICONS: Record<ActionItemStatusName, string> = { open: "○", in_progress: "◐", done: "✓", wont_do: "⊘" };

/** Changes an item's status in place; a refusal is said beside it and the select goes back. */
export function StatusSelect({
  item,
  canEdit,
  onChanged,
}: {
  item: ActionItemDto;
  canEdit: boolean;
  onChanged: (item: ActionItemDto) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = `${ICONS[item.status]} ${ACTION_ITEM_STATUS_LABELS[item.status]}`;
  if (!canEdit)
    return (
      <span className="text-sm whitespace-nowrap text-ink-muted" data-testid="action-item-status">
        {label}
      </span>
    );

  async function change(status: ActionItemStatusName) {
    setBusy(true);
    setError(null);
    const res = await apiRequest<ActionItemDto>(`/api/action-items/${item.id}`, { method: "PATCH", body: { status } });
    setBusy(false);
    if (res.ok) onChanged(res.data);
    else setError(res.error.message);
  }

  return (
    <span className="inline-flex flex-col gap-1">
      <select
        aria-label={`Status of "${item.title}"`}
        value={item.status}
        disabled={busy}
        onChange={(e) => void change(e.target.value as ActionItemStatusName)}
        className={cn(
          "h-8 rounded-md border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none",
          item.status === "done" && "text-ok",
        )}
        data-testid="action-item-status"
      >
        {ACTION_ITEM_STATUSES.map((s) => (
          <option key={s} value={s}>{`${ICONS[s]} ${ACTION_ITEM_STATUS_LABELS[s]}`}</option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-xs text-sev1">
          {error}
        </span>
      ) : null}
    </span>
  );
}
