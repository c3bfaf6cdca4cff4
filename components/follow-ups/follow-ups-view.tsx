"use client";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import { ActionItemRow } from "@/components/postmortems/action-items/action-item-row.tsx";
import type { OwnerOptions } from "@/components/postmortems/action-items/owner-options.ts";
import { ConnectionIndicator } from "@/components/realtime/connection-indicator.tsx";
import { getSocket } from "@/components/realtime/socket-client.ts";
import { useConnection } from "@/components/realtime/use-connection.ts";
import type { ActionItemChange, ActionItemDto, ActionItemListDto } from "@/lib/action-items/action-item-dto.ts";
import { OPEN_STATUSES } from "@/lib/action-items/constants.ts";
import { compareFollowUps } from "@/lib/action-items/follow-up-order.ts";

const select = "h-9 rounded-md border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none";

/**
 * Items changed here or elsewhere stay where they are (a finished one shows as done, so a slip
 * can be undone); new open items slot in by due date.
 */
function apply(items: ActionItemDto[], change: ActionItemChange): ActionItemDto[] {
  if (!change.item) return items.filter((i) => i.id !== change.id);
  const item = change.item;
  if (items.some((i) => i.id === item.id)) return items.map((i) => (i.id === item.id ? item : i));
  return OPEN_STATUSES.includes(item.status) ? [...items, item].sort(compareFollowUps) : items;
}

/**
 * A reread list, merged with what is on screen: the newer version of each item wins (a push can
 * overtake a slow read), and items finished here stay visible so a slip can be undone.
 */
function mergeFetched(current: ActionItemDto[], fetched: ActionItemDto[]): ActionItemDto[] {
  const onScreen = new Map(current.map((i) => [i.id, i]));
  const fresh = fetched.map((f) => {
    const shown = onScreen.get(f.id);
    return shown && shown.updatedAt > f.updatedAt ? shown : f;
  });
  const finishedHere = current.filter((i) => !OPEN_STATUSES.includes(i.status) && !fetched.some((f) => f.id === i.id));
  return [...fresh, ...finishedHere].sort(compareFollowUps);
}

export function FollowUpsView({ initial, owners, canEdit }: { initial: ActionItemListDto; owners: OwnerOptions; canEdit: boolean }) {
  const [list, setList] = useState(initial);
  const [owner, setOwner] = useState("");
  const connection = useConnection();

  useEffect(() => {
    const socket = getSocket();
    const onChange = (change: ActionItemChange) => setList((current) => ({ ...current, items: apply(current.items, change) }));
    const refetch = () =>
      void apiRequest<ActionItemListDto>("/api/action-items").then((res) => {
        if (res.ok) setList((current) => ({ today: res.data.today, items: mergeFetched(current.items, res.data.items) }));
      });
    socket.on("action-item:changed", onChange);
    // Whatever changed before the socket was up (since the page was rendered, or while away) is read again.
    socket.on("connect", refetch);
    return () => {
      socket.off("action-item:changed", onChange);
      socket.off("connect", refetch);
    };
  }, []);

  const shown = useMemo(() => {
    if (!owner) return list.items;
    const [kind, id] = owner.split(":");
    return list.items.filter((i) => i.owner?.kind === kind && i.owner?.id === id);
  }, [list.items, owner]);
  const open = list.items.filter((i) => OPEN_STATUSES.includes(i.status));
  const overdue = open.filter((i) => i.isOverdue).length;
  const update = (item: ActionItemDto) =>
    setList((current) => ({ ...current, items: current.items.map((i) => (i.id === item.id ? item : i)) }));

  return (
    <main className="mx-auto w-full min-w-0 max-w-[1200px] space-y-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold">Open follow-ups</h1>
        <p className="text-sm text-ink-muted tabular" data-testid="follow-up-counts">
          {open.length} open
          {overdue ? (
            <>
              {" "}
              ·{" "}
              <span className="font-medium text-sev1">
                <span aria-hidden>⚠ </span>
                {overdue} overdue
              </span>
            </>
          ) : null}
        </p>
        <ConnectionIndicator state={connection} pending={0} />
        <label className="ml-auto flex items-center gap-2 text-sm text-ink-muted">
          Owner
          <select value={owner} onChange={(e) => setOwner(e.target.value)} className={select} aria-label="Filter by owner">
            <option value="">Everyone</option>
            <optgroup label="Teams">
              {owners.teams.map((t) => (
                <option key={t.id} value={`team:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="People">
              {owners.users.map((u) => (
                <option key={u.id} value={`user:${u.id}`}>
                  {u.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
      </div>
      <p className="text-sm text-ink-faint">
        Action items from every post-mortem that are still open or in progress: overdue first, then by due date, then those without one.
      </p>
      {list.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-10 text-center">
          <p className="text-lg font-medium">No open follow-ups.</p>
          <p className="mt-1 text-ink-muted">
            Action items are agreed in a post-mortem: give each an owner and a due date and it shows up here until it is done. Browse the{" "}
            <Link href="/postmortems" className="text-accent hover:underline">
              post-mortem library
            </Link>
            .
          </p>
        </div>
      ) : shown.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line p-6 text-center text-ink-muted">
          Nothing open for this owner.{" "}
          <button type="button" className="text-accent hover:underline" onClick={() => setOwner("")}>
            Show everyone&apos;s
          </button>
        </p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface px-4" aria-label="Open follow-ups, overdue first">
          {shown.map((item) => (
            <ActionItemRow key={item.id} item={item} today={list.today} canEdit={canEdit} owners={owners} showSource onChanged={update} />
          ))}
        </ul>
      )}
    </main>
  );
}
