"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DependencyEdgeDto } from "@/lib/catalog/catalog-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { Button } from "../ui/button.tsx";
import { cn } from "../ui/cn.ts";
import { HealthBadge } from "./health-badge.tsx";
import { TierBadge } from "./tier-badge.tsx";

interface Props {
  label: string;
  edges: DependencyEdgeDto[];
  canEdit: boolean;
  empty: string;
  /** How a row reads for screen readers and confirmations: "Checkout API → Cart API". */
  describe: (other: string) => string;
}

/** One direction of a service's dependencies; each edge can be switched sync/async, critical or not, or removed. */
export function DependencyTable({ label, edges, canEdit, empty, describe }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function change(edge: DependencyEdgeDto, method: "PATCH" | "DELETE", body?: object) {
    setBusy(edge.id);
    const result = await apiRequest(`/api/dependencies/${edge.id}`, { method, body });
    setBusy(null);
    setError(result.ok ? null : `${describe(edge.service.name)}: ${result.error.message}`);
    if (result.ok) router.refresh();
  }

  if (!edges.length) return <p className="rounded-md border border-dashed border-line px-3 py-3 text-sm text-ink-muted">{empty}</p>;
  return (
    <div className="space-y-2">
      <div className="relative overflow-x-auto rounded-md border border-line">
        <table className="w-full text-sm">
          <caption className="sr-only">{label}</caption>
          <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Service
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Owner
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Call
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Critical
              </th>
              {canEdit ? (
                <th scope="col" className="px-3 py-1.5">
                  <span className="sr-only">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {edges.map((e) => (
              <tr key={e.id} data-testid="dependency-row" aria-busy={busy === e.id}>
                <td className="px-3 py-2">
                  <div className="flex items-center gap-2">
                    <TierBadge tier={e.service.tier} />
                    <Link href={`/catalog/services/${e.service.id}`} className="font-medium hover:underline">
                      {e.service.name}
                    </Link>
                  </div>
                  <HealthBadge health={e.service.health} className="mt-0.5" />
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/catalog/teams/${e.service.team.id}`} className="text-ink-muted hover:text-ink hover:underline">
                    {e.service.team.name}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <Toggle
                    on={e.isAsync}
                    onText="Async"
                    offText="Sync"
                    label={`Asynchronous: ${describe(e.service.name)}`}
                    canEdit={canEdit}
                    disabled={busy === e.id}
                    onToggle={() => void change(e, "PATCH", { isAsync: !e.isAsync })}
                  />
                </td>
                <td className="px-3 py-2">
                  <Toggle
                    on={e.isCritical}
                    onText="Critical"
                    offText="Non-critical"
                    label={`Critical: ${describe(e.service.name)}`}
                    canEdit={canEdit}
                    disabled={busy === e.id}
                    onToggle={() => void change(e, "PATCH", { isCritical: !e.isCritical })}
                  />
                </td>
                {canEdit ? (
                  <td className="px-3 py-2 text-right">
                    <Button
                      size="sm"
                      variant="ghost"
                      className="h-7 px-2 text-xs"
                      disabled={busy === e.id}
                      aria-label={`Remove dependency ${describe(e.service.name)}`}
                      onClick={() => void change(e, "DELETE")}
                    >
                      Remove
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error ? (
        <p role="alert" className="text-xs font-medium text-sev1">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface ToggleProps {
  on: boolean;
  onText: string;
  offText: string;
  label: string;
  canEdit: boolean;
  disabled: boolean;
  onToggle: () => void;
}

function Toggle({ on, onText, offText, label, canEdit, disabled, onToggle }: ToggleProps) {
  const text = <span className={cn("text-xs", on ? "font-medium text-ink" : "text-ink-muted")}>{on ? onText : offText}</span>;
  if (!canEdit) return text;
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-label={label}
      disabled={disabled}
      onClick={onToggle}
      className="inline-flex items-center gap-1.5 rounded-full border border-line px-2 py-0.5 hover:border-line-strong disabled:opacity-50"
    >
      <span aria-hidden className={cn("inline-block size-2 rounded-full", on ? "bg-accent" : "border border-ink-faint")} />
      {text}
    </button>
  );
}
