"use client";
import type { IntegrationDto } from "@/lib/integrations/integration-dto.ts";
import { KIND_INFO } from "@/lib/integrations/kinds.ts";
import { Timestamp } from "../../time/timestamp.tsx";
import { cn } from "../../ui/cn.ts";

export function IntegrationList({
  integrations,
  selectedId,
  onSelect,
}: {
  integrations: IntegrationDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  if (!integrations.length) {
    return (
      <div className="rounded-lg border border-dashed border-line p-8 text-center">
        <p className="font-medium">No alert sources connected yet.</p>
        <p className="mt-1 text-sm text-ink-muted">
          Connect Alertmanager, Grafana, PagerDuty, Opsgenie, Datadog or Pingdom above, and firing alerts open incidents on their own.
        </p>
      </div>
    );
  }
  return (
    <ul
      className="divide-y divide-line overflow-hidden rounded-lg border border-line"
      aria-label="Alert sources"
      data-testid="integration-list"
    >
      {integrations.map((i) => {
        const current = i.id === selectedId;
        return (
          <li key={i.id}>
            <button
              type="button"
              onClick={() => onSelect(i.id)}
              aria-current={current ? "true" : undefined}
              className={cn(
                "flex w-full flex-col gap-1 px-4 py-3 text-left text-sm",
                current ? "bg-accent/10" : "bg-surface hover:bg-raised",
              )}
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="truncate font-medium text-ink">{i.name}</span>
                <span className="tabular shrink-0 text-xs text-ink-muted">
                  {i.stats.received.toLocaleString()} {i.stats.received === 1 ? "alert" : "alerts"}
                </span>
              </span>
              <span className="flex items-baseline justify-between gap-2 text-xs text-ink-muted">
                <span>{KIND_INFO[i.kind].label}</span>
                <span className="shrink-0">{i.lastReceivedAt ? <Timestamp iso={i.lastReceivedAt} /> : "nothing received yet"}</span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
