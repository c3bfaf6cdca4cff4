"use client";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { ServiceSummaryDto } from "@/lib/catalog/list-services.ts";
import { apiRequest } from "../api/api-client.ts";
import { Button } from "../ui/button.tsx";

interface Props {
  self: { id: string; name: string };
  /** "dependsOn": self calls the picked service; "dependedBy": the picked service calls self. */
  direction: "dependsOn" | "dependedBy";
  candidates: ServiceSummaryDto[];
}

function byTeam(services: ServiceSummaryDto[]): [string, ServiceSummaryDto[]][] {
  const groups = new Map<string, ServiceSummaryDto[]>();
  for (const s of [...services].sort((a, b) => a.name.localeCompare(b.name)))
    groups.set(s.team.name, [...(groups.get(s.team.name) ?? []), s]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function AddDependencyForm({ self, direction, candidates }: Props) {
  const router = useRouter();
  const id = useId();
  const [picked, setPicked] = useState("");
  const [isAsync, setAsync] = useState(false);
  const [isCritical, setCritical] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!picked) {
      setError("Choose a service first");
      return;
    }
    setBusy(true);
    const [from, to] = direction === "dependsOn" ? [self.id, picked] : [picked, self.id];
    const result = await apiRequest(`/api/services/${from}/dependencies`, { method: "POST", body: { toId: to, isAsync, isCritical } });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields.toId ?? result.error.message);
      return;
    }
    setError(null);
    setPicked("");
    router.refresh();
  }

  const label = direction === "dependsOn" ? `Add: ${self.name} calls…` : `Add: … calls ${self.name}`;
  if (!candidates.length) return null;
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-md bg-surface px-3 py-2"
      aria-label={direction === "dependsOn" ? "Add a dependency" : "Add a caller"}
    >
      <label className="min-w-0 basis-52 flex-1 space-y-1 text-xs text-ink-muted" htmlFor={`${id}-svc`}>
        <span className="block">{label}</span>
        <select
          id={`${id}-svc`}
          value={picked}
          onChange={(e) => setPicked(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-8 w-full rounded-md border border-line bg-canvas px-2 text-sm text-ink focus:border-accent focus:outline-none aria-[invalid=true]:border-sev1"
        >
          <option value="">Choose a service…</option>
          {byTeam(candidates).map(([team, services]) => (
            <optgroup key={team} label={team}>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="flex h-8 items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={isAsync}
          onChange={(e) => setAsync(e.target.checked)}
          className="size-3.5 accent-[var(--color-accent)]"
        />
        Async
      </label>
      <label className="flex h-8 items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={isCritical}
          onChange={(e) => setCritical(e.target.checked)}
          className="size-3.5 accent-[var(--color-accent)]"
        />
        Critical
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        {busy ? "Adding…" : "Add"}
      </Button>
      {error ? (
        <p id={`${id}-error`} role="alert" className="w-full text-xs font-medium text-sev1">
          {error}
        </p>
      ) : null}
    </form>
  );
}
