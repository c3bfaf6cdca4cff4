"use client";
import { useEffect, useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import { getSocket } from "@/components/realtime/socket-client.ts";
import { cn } from "@/components/ui/cn.ts";
import { Button } from "@/components/ui/button.tsx";
import { Kbd } from "@/components/ui/kbd.tsx";
import { useShortcut } from "@/components/ui/use-shortcut.ts";
import type { ActionItemChange, ActionItemDto, ActionItemListDto } from "@/lib/action-items/action-item-dto.ts";
import { ActionItemForm } from "./action-item-form.tsx";
import { ActionItemRow } from "./action-item-row.tsx";
import { useOwnerOptions, type OwnerOptions } from "./owner-options.ts";

interface Props {
  postmortemId: string;
  canEdit: boolean;
  /** The server's first read; without it the panel fetches. */
  initial?: ActionItemListDto;
  owners?: OwnerOptions;
  /** "A" adds an item; off where several panels share a page. */
  withShortcut?: boolean;
}

/** A reread merged with what is on screen: the newer version of each item wins (a push can overtake a slow read). */
const newerOf = (shown: ActionItemDto[], fetched: ActionItemDto[]) =>
  fetched.map((f) => {
    const current = shown.find((i) => i.id === f.id);
    return current && current.updatedAt > f.updatedAt ? current : f;
  });

const upsert = (items: ActionItemDto[], item: ActionItemDto) =>
  items.some((i) => i.id === item.id) ? items.map((i) => (i.id === item.id ? item : i)) : [...items, item];

/**
 * A post-mortem's action items: list, add (A), edit and change status in place. Changes made
 * anywhere arrive live, so two people editing the same review see one list.
 */
export function ActionItemsPanel({ postmortemId, canEdit, initial, owners: givenOwners, withShortcut = true }: Props) {
  const [list, setList] = useState<ActionItemListDto | null>(initial ?? null);
  const [adding, setAdding] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const owners = useOwnerOptions(givenOwners);
  useShortcut("a", () => withShortcut && canEdit && setAdding(true));

  useEffect(() => {
    const refetch = () =>
      void apiRequest<ActionItemListDto>(`/api/postmortems/${postmortemId}/action-items`).then((res) => {
        if (res.ok) setList((current) => ({ ...res.data, items: newerOf(current?.items ?? [], res.data.items) }));
        else setLoadError(res.error.message);
      });
    if (!initial) refetch();
    const socket = getSocket();
    const onChange = (change: ActionItemChange) => {
      if (change.postmortemId !== postmortemId) return;
      setList((current) => {
        if (!current) return current;
        if (!change.item) return { ...current, items: current.items.filter((i) => i.id !== change.id) };
        return { ...current, items: upsert(current.items, change.item) };
      });
    };
    socket.on("action-item:changed", onChange);
    // Whatever changed before the socket was up (first render, or while away) is read again.
    socket.on("connect", refetch);
    return () => {
      socket.off("action-item:changed", onChange);
      socket.off("connect", refetch);
    };
  }, [postmortemId, initial]);

  const save = (item: ActionItemDto) => setList((current) => (current ? { ...current, items: upsert(current.items, item) } : current));
  const items = list?.items ?? [];
  const done = items.filter((i) => i.status === "done").length;
  const counted = items.filter((i) => i.status !== "wont_do").length;

  return (
    // In print the document's own "Action items" section stands alone unless there are items to list.
    <section
      aria-labelledby={`action-items-${postmortemId}`}
      className={cn("space-y-3", items.length === 0 && "print:hidden")}
      data-testid="action-items-panel"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={`action-items-${postmortemId}`} className="text-base font-semibold">
          Action items
        </h2>
        {items.length ? (
          <span className="text-sm text-ink-muted tabular">
            {done} of {counted} done
          </span>
        ) : null}
        {canEdit && !adding ? (
          <Button variant="secondary" size="sm" className="ml-auto print:hidden" onClick={() => setAdding(true)}>
            Add action item {withShortcut ? <Kbd>A</Kbd> : null}
          </Button>
        ) : null}
      </div>
      {adding ? <ActionItemForm postmortemId={postmortemId} owners={owners} onSaved={save} onCancel={() => setAdding(false)} /> : null}
      {loadError ? (
        <p role="alert" className="text-sm text-sev1">
          {loadError}
        </p>
      ) : null}
      {list && items.length === 0 && !adding ? (
        <p className="rounded-md border border-dashed border-line p-4 text-sm text-ink-muted">
          No action items yet.{" "}
          {canEdit ? (
            <>
              Add what would stop this happening again, with an owner and a due date
              {withShortcut ? (
                <>
                  {" "}
                  (<Kbd>A</Kbd>)
                </>
              ) : null}
              .
            </>
          ) : (
            "Follow-ups agreed in the review appear here."
          )}
        </p>
      ) : null}
      {items.length ? (
        <ul className="divide-y divide-line">
          {items.map((item) => (
            <ActionItemRow
              key={item.id}
              item={item}
              today={list?.today ?? ""}
              canEdit={canEdit}
              owners={owners}
              onChanged={save}
              onDeleted={(id) =>
                setList((current) => (current ? { ...current, items: current.items.filter((i) => i.id !== id) } : current))
              }
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
