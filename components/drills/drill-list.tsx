"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DrillDto } from "@/lib/drills/drill-dto.ts";
import { apiRequest } from "../api/api-client.ts";
import { Timestamp } from "../time/timestamp.tsx";
import { Button } from "../ui/button.tsx";
import { DataTable, type DataTableColumn } from "../ui/data-table.tsx";

const COLUMNS: DataTableColumn[] = [
  { key: "scenario", label: "Scenario" },
  { key: "status", label: "Status" },
  { key: "steps", label: "Steps", className: "hidden text-right sm:table-cell" },
  { key: "started", label: "Started", className: "hidden sm:table-cell" },
  { key: "actions", label: <span className="sr-only">Actions</span> },
];

const STATUS_LABELS: Record<DrillDto["status"], string> = { running: "▶ Running", finished: "✓ Finished", cancelled: "■ Cancelled" };

/** Past and running drills: everyone reads them; admins and commanders may cancel a running one. */
export function DrillList({ drills, canRun }: { drills: DrillDto[]; canRun: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancel = async (id: string) => {
    setBusy(id);
    setError(null);
    const res = await apiRequest(`/api/drills/${id}/cancel`, { method: "POST" });
    setBusy(null);
    if (!res.ok) setError(res.error.message);
    router.refresh();
  };
  if (!drills.length) {
    return (
      <p className="rounded-lg border border-dashed border-line p-6 text-center text-ink-muted">
        No drills yet.{" "}
        {canRun ? "Start one above: the payment scenario at ×5 takes under three minutes." : "Admins and commanders start them."}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="text-sm text-sev1">
          {error}
        </p>
      ) : null}
      <DataTable caption="Drills, newest first" columns={COLUMNS} density="compact">
        {drills.map((d) => (
          <tr key={d.id} data-testid="drill-row" className="align-top">
            <td className="px-3 py-2">
              {d.incident ? (
                <Link href={`/incidents/${d.incident.id}`} className="font-medium text-ink underline-offset-2 hover:underline">
                  {d.scenarioName}
                </Link>
              ) : (
                <span className="font-medium">{d.scenarioName}</span>
              )}
              <span className="block text-xs text-ink-muted">
                ×{d.speed}
                {d.incident ? ` · ${d.incident.ref}` : ""}
                <span className="sm:hidden">
                  {" "}
                  · step {d.stepsPlayed} of {d.stepCount}
                </span>
                {d.startedBy ? ` · started by ${d.startedBy.name}` : ""}
              </span>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{STATUS_LABELS[d.status]}</td>
            <td className="hidden px-3 py-2 text-right tabular sm:table-cell">
              {d.stepsPlayed} / {d.stepCount}
            </td>
            <td className="hidden px-3 py-2 text-ink-muted sm:table-cell">
              <Timestamp iso={d.startedAt} withDate />
            </td>
            <td className="px-3 py-2 text-right whitespace-nowrap">
              {d.status === "finished" ? (
                <Link href={`/drills/${d.id}`} className="text-accent underline-offset-2 hover:underline">
                  Report
                </Link>
              ) : d.status === "running" && canRun ? (
                <Button variant="ghost" size="sm" disabled={busy === d.id} onClick={() => void cancel(d.id)}>
                  {busy === d.id ? "Cancelling…" : "Cancel drill"}
                </Button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
