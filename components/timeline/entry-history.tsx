"use client";
import { useEffect, useState } from "react";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import type { EntryHistory } from "@/lib/timeline/list-revisions.ts";
import { apiRequest } from "../api/api-client.ts";
import { Timestamp } from "../time/timestamp.tsx";

function dataSummary(data: Record<string, unknown> | null): string {
  if (!data) return "";
  return Object.entries(data)
    .filter(([, v]) => v !== null && v !== "")
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(" · ");
}

/** Every earlier version of an entry, oldest first, with who replaced it and when. */
export function EntryHistoryPanel({ incidentId, event }: { incidentId: string; event: TimelineEventDto }) {
  const [history, setHistory] = useState<EntryHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { seq, revisionCount } = event;

  // Fetch again when the entry changes while the history is open.
  useEffect(() => {
    let live = true;
    void apiRequest<EntryHistory>(`/api/incidents/${incidentId}/events/${seq}/revisions`).then((res) => {
      if (!live) return;
      if (res.ok) setHistory(res.data);
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [incidentId, seq, revisionCount]);

  if (error)
    return (
      <p role="alert" className="text-xs text-bad">
        Could not load the history: {error}
      </p>
    );
  if (!history) return <p className="text-xs text-ink-muted">Loading history…</p>;
  return (
    <section aria-label={`History of entry #${seq}`} className="rounded-md border border-line bg-canvas/60 p-2 text-xs">
      <h3 className="mb-1.5 font-semibold text-ink-muted">Earlier versions ({history.revisions.length})</h3>
      <ol className="space-y-2">
        {history.revisions.map((r, i) => (
          <li key={r.id} className="border-l-2 border-line pl-2" data-testid="revision">
            <p className="text-ink-faint">
              Version {i + 1} · replaced by {r.editedBy?.name ?? "someone"} <Timestamp iso={r.replacedAt} />
            </p>
            <p className="whitespace-pre-wrap break-words text-ink-muted">{r.body}</p>
            {dataSummary(r.data) ? <p className="font-mono text-[11px] text-ink-faint">{dataSummary(r.data)}</p> : null}
          </li>
        ))}
        <li className="border-l-2 border-accent/60 pl-2">
          <p className="text-ink-faint">Now</p>
          <p className="whitespace-pre-wrap break-words text-ink">{history.entry.body}</p>
          {dataSummary(history.entry.data) ? (
            <p className="font-mono text-[11px] text-ink-faint">{dataSummary(history.entry.data)}</p>
          ) : null}
        </li>
      </ol>
    </section>
  );
}
