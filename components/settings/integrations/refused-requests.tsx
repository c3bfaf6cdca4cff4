"use client";
import type { WebhookRefusalDto } from "@/lib/integrations/integration-dto.ts";
import { Timestamp } from "../../time/timestamp.tsx";

/** Why a source's alerts never arrived: the last refused requests, newest first. */
export function RefusedRequests({ refusals }: { refusals: WebhookRefusalDto[] }) {
  return (
    <section className="space-y-2" aria-labelledby="refused-title" data-testid="refused-requests">
      <h3 id="refused-title" className="font-semibold">
        Refused requests
        <span className="ml-2 text-sm font-normal text-ink-muted">the last 50 · headers and secrets are never kept</span>
      </h3>
      {refusals.length === 0 ? (
        <p className="text-sm text-ink-faint">None: every request so far was accepted.</p>
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line text-sm">
          {refusals.map((r, i) => (
            <li key={`${r.receivedAt}-${i}`} className="space-y-1 px-3 py-2" data-testid="refused-request">
              <p className="flex flex-wrap items-baseline gap-x-3">
                <span className="rounded border border-bad/50 px-1 font-mono text-xs text-bad tabular">{r.status}</span>
                <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">{r.reason}</span>
                <span className="text-xs text-ink-muted">
                  <Timestamp iso={r.receivedAt} withDate />
                </span>
              </p>
              {r.bodyExcerpt ? (
                <details>
                  <summary className="cursor-pointer text-xs text-ink-muted">Body (start)</summary>
                  <pre className="mt-1 max-h-40 overflow-auto rounded bg-canvas p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]">
                    {r.bodyExcerpt}
                  </pre>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
