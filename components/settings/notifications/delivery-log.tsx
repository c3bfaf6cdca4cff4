"use client";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { DeliveryDto } from "@/lib/outbound/delivery-dto.ts";
import { DELIVERY_CHANNEL_KIND_LABELS, eventLabel, type DeliveryStatusName } from "@/lib/outbound/events.ts";
import { apiRequest } from "../../api/api-client.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { Button } from "../../ui/button.tsx";
import { Field, Select } from "../../ui/field.tsx";
import { DeliveryStatusBadge } from "./delivery-status-badge.tsx";

interface Page {
  deliveries: DeliveryDto[];
  hasMore: boolean;
}

interface Props {
  initial: Page;
  channels: { id: string; name: string }[];
  maxAttempts: number;
  /** Bumped by the parent when it queued something (a test message): reload. */
  reloadKey: number;
}

const POLL_MS = 4_000;

export function DeliveryLog({ initial, channels, maxAttempts, reloadKey }: Props) {
  const [page, setPage] = useState<Page>(initial);
  const [status, setStatus] = useState<"" | DeliveryStatusName>("");
  const [channelId, setChannelId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (before?: string) => {
      const q = new URLSearchParams();
      if (status) q.set("status", status);
      if (channelId) q.set("channelId", channelId);
      if (before) q.set("before", before);
      setBusy(true);
      const res = await apiRequest<Page>(`/api/notification-deliveries?${q.toString()}`);
      setBusy(false);
      if (!res.ok) return setError(res.error.message);
      setError(null);
      setPage((prev) => (before ? { deliveries: [...prev.deliveries, ...res.data.deliveries], hasMore: res.data.hasMore } : res.data));
    },
    [status, channelId],
  );

  // Filters and parent kicks reload the first page (the server rendered the first one already).
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    void load();
  }, [load, reloadKey]);

  // While anything is queued or retrying, follow it without a reload button.
  const hasPending = page.deliveries.some((d) => d.status === "pending");
  useEffect(() => {
    if (!hasPending) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [hasPending, load]);

  async function retry(id: string) {
    const res = await apiRequest<{ delivery: DeliveryDto }>(`/api/notification-deliveries/${id}/retry`, { method: "POST" });
    if (!res.ok) return setError(res.error.message);
    setPage((p) => ({ ...p, deliveries: p.deliveries.map((d) => (d.id === id ? res.data.delivery : d)) }));
  }

  return (
    <section className="space-y-3" aria-labelledby="delivery-log-title">
      <div className="space-y-1">
        <h2 id="delivery-log-title" className="text-lg font-semibold">
          Delivery log
        </h2>
        <p className="text-sm text-ink-muted">
          Every message, newest first. A failed attempt is retried with growing waits (up to {maxAttempts} attempts); the room never waits
          for it.
        </p>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <Field label="Status" htmlFor="delivery-status">
            <Select id="delivery-status" value={status} onChange={(e) => setStatus(e.target.value as "" | DeliveryStatusName)}>
              <option value="">Any</option>
              <option value="pending">Queued or retrying</option>
              <option value="delivered">Delivered</option>
              <option value="failed">Failed</option>
            </Select>
          </Field>
        </div>
        <div className="w-56">
          <Field label="Channel" htmlFor="delivery-channel">
            <Select id="delivery-channel" value={channelId} onChange={(e) => setChannelId(e.target.value)}>
              <option value="">Every channel</option>
              {channels.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Button variant="secondary" disabled={busy} onClick={() => void load()}>
          Refresh
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {error}
        </p>
      ) : null}
      {page.deliveries.length === 0 ? (
        // Not a table cell: on a phone a cell as wide as the table is cut off by its scroller.
        <p
          className="rounded-lg border border-dashed border-line px-4 py-6 text-center text-sm text-ink-muted"
          data-testid="deliveries-empty"
        >
          {status || channelId
            ? "Nothing matches these filters."
            : "Nothing sent yet. Add a channel and use “Send test”, or declare an incident."}
        </p>
      ) : (
        /* relative: the sr-only header is absolutely placed and would otherwise widen the page. */
        <div className="relative overflow-x-auto rounded-lg border border-line">
          <table className="w-full text-left text-sm" aria-label="Deliveries">
            <thead className="bg-surface text-xs uppercase tracking-wide text-ink-faint">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Queued
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Event
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Channel
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Attempts
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Last answer
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.deliveries.map((d) => (
                <tr key={d.id} className="border-t border-line align-top" data-testid="delivery-row" data-status={d.status}>
                  <td className="whitespace-nowrap px-3 py-2 text-ink-muted">
                    <Timestamp iso={d.createdAt} withDate />
                  </td>
                  <td className="px-3 py-2">
                    <p>{eventLabel(d.event)}</p>
                    {d.incident ? (
                      <Link href={`/incidents/${d.incident.id}`} className="text-xs text-accent hover:underline" title={d.incident.title}>
                        {d.incident.ref} · {d.incident.title.length > 40 ? `${d.incident.title.slice(0, 39)}…` : d.incident.title}
                      </Link>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <p>{d.channel.name}</p>
                    <p className="text-xs text-ink-muted">{DELIVERY_CHANNEL_KIND_LABELS[d.channel.kind]}</p>
                  </td>
                  <td className="px-3 py-2">
                    <DeliveryStatusBadge status={d.status} attempts={d.attempts} />
                    {d.deliveredAt ? (
                      <p className="text-xs text-ink-muted">
                        <Timestamp iso={d.deliveredAt} />
                      </p>
                    ) : null}
                    {d.status === "pending" && d.nextAttemptAt && d.attempts > 0 ? (
                      <p className="text-xs text-ink-muted">
                        next <Timestamp iso={d.nextAttemptAt} />
                      </p>
                    ) : null}
                  </td>
                  <td className="tabular px-3 py-2 text-right">
                    {d.attempts}
                    <span className="text-ink-faint"> / {maxAttempts}</span>
                  </td>
                  <td className="max-w-[24rem] px-3 py-2">
                    {d.lastStatusCode !== null ? <span className="tabular font-mono text-xs">{d.lastStatusCode}</span> : null}
                    {d.lastError ? (
                      <p className="break-words text-xs text-ink-muted">{d.lastError}</p>
                    ) : d.lastStatusCode === null ? (
                      <span className="text-ink-faint">—</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right">
                    {d.status === "failed" ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => void retry(d.id)}
                        aria-label={`Retry ${eventLabel(d.event)} to ${d.channel.name} now`}
                      >
                        Retry now
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.hasMore ? (
        <Button variant="secondary" disabled={busy} onClick={() => void load(page.deliveries.at(-1)?.id)}>
          {busy ? "Loading…" : "Load older deliveries"}
        </Button>
      ) : null}
    </section>
  );
}
