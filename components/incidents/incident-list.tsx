"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { orderIncidents } from "@/lib/incidents/incident-order.ts";
import { IncidentClock } from "../time/incident-clock.tsx";
import { Timestamp } from "../time/timestamp.tsx";
import { buttonClasses } from "../ui/button.tsx";
import { DataTable, type DataTableColumn } from "../ui/data-table.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { apiRequest } from "../api/api-client.ts";
import { useSocketSubscription } from "../realtime/use-socket-subscription.ts";
import { useShortcut } from "../ui/use-shortcut.ts";
import { DrillBadge } from "../drills/drill-badge.tsx";
import { SeverityBadge } from "./severity-badge.tsx";
import { StatusBadge } from "./status-badge.tsx";
import { upsertIncident } from "./upsert-incident.ts";

export function IncidentList({
  initial,
  canDeclare,
  includeDrills = false,
}: {
  initial: IncidentDto[];
  canDeclare: boolean;
  includeDrills?: boolean;
}) {
  const [incidents, setIncidents] = useState(initial);
  const router = useRouter();
  useShortcut("n", () => canDeclare && router.push("/incidents/new"));

  // Drills are practice: pushed ones join the list only when the filter includes them.
  const onChange = ({ incident }: { incident: IncidentDto }) => {
    if (incident.drillId && !includeDrills) return;
    setIncidents((list) => upsertIncident(list, incident));
  };
  useSocketSubscription({
    on: { "incident:declared": onChange, "incident:updated": onChange },
    // Changes pushed while the socket was down are gone: read the list again after a reconnect.
    resync: () =>
      void apiRequest<{ incidents: IncidentDto[] }>(includeDrills ? "/api/incidents?drills=include" : "/api/incidents").then((res) => {
        if (res.ok) setIncidents(orderIncidents(res.data.incidents));
      }),
  });

  const open = incidents.filter((i) => i.status !== "resolved");
  const resolved = incidents.filter((i) => i.status === "resolved");

  return (
    <main className="mx-auto w-full max-w-[1600px] space-y-6 p-6">
      {/* On a phone the filter and the declare button wrap under the title instead of widening the page. */}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold">Incidents</h1>
        <span className="whitespace-nowrap text-sm text-ink-muted tabular">{open.length} open</span>
        <Link
          href={includeDrills ? "/incidents" : "/incidents?drills=include"}
          aria-pressed={includeDrills}
          role="button"
          data-testid="include-drills"
          className="whitespace-nowrap rounded border border-line px-2 py-0.5 text-sm text-ink-muted hover:text-ink"
        >
          <span aria-hidden>{includeDrills ? "☑" : "☐"}</span> Include drills
        </Link>
        {canDeclare ? (
          <Link href="/incidents/new" className={`${buttonClasses("danger")} ml-auto whitespace-nowrap`}>
            Declare incident <Kbd>N</Kbd>
          </Link>
        ) : null}
      </div>
      {incidents.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-10 text-center">
          <p className="text-lg font-medium">No incidents. All quiet.</p>
          <p className="mt-1 text-ink-muted">
            {canDeclare ? (
              <>
                When something breaks, declare one with <Kbd>N</Kbd>: everyone gets one room, one timeline, one commander.
              </>
            ) : (
              "When an incident is declared it appears here, live."
            )}
          </p>
        </div>
      ) : (
        <IncidentTable incidents={[...open, ...resolved]} />
      )}
    </main>
  );
}

const COLUMNS: DataTableColumn[] = [
  { key: "incident", label: "Incident" },
  { key: "severity", label: "Severity", className: "hidden sm:table-cell" },
  { key: "status", label: "Status", className: "hidden sm:table-cell" },
  { key: "commander", label: "Commander", className: "hidden md:table-cell" },
  { key: "started", label: "Started", className: "hidden md:table-cell" },
  { key: "duration", label: "Duration", className: "text-right" },
];

function IncidentTable({ incidents }: { incidents: IncidentDto[] }) {
  return (
    <DataTable caption="Incidents, open first" columns={COLUMNS}>
      {incidents.map((i) => (
        <tr key={i.id} className="hover:bg-raised/60">
          <td className="px-4 py-3">
            <Link href={`/incidents/${i.id}`} className="group block">
              <span className="mr-2 font-mono text-xs text-ink-faint">{i.ref}</span>
              {i.drillId ? <DrillBadge className="mr-2" /> : null}
              {/* Whole words wrap; only a word longer than the column breaks. */}
              <span className="font-medium text-ink break-words group-hover:underline" data-testid="incident-title">
                {i.title}
              </span>
            </Link>
            {/* On a phone the title gets the width; severity and status sit under it. */}
            <div className="mt-1.5 flex flex-wrap items-center gap-1.5 sm:hidden">
              <SeverityBadge severity={i.severity} />
              <StatusBadge status={i.status} />
            </div>
          </td>
          <td className="hidden px-4 py-3 sm:table-cell">
            <SeverityBadge severity={i.severity} />
          </td>
          <td className="hidden px-4 py-3 sm:table-cell">
            <StatusBadge status={i.status} />
          </td>
          <td className="hidden px-4 py-3 text-ink-muted md:table-cell">{i.commander?.name ?? "Unassigned"}</td>
          <td className="hidden px-4 py-3 text-ink-muted md:table-cell">
            <Timestamp iso={i.startedAt} withDate />
          </td>
          <td className="px-4 py-3 text-right">
            <IncidentClock startedAt={i.startedAt} resolvedAt={i.resolvedAt} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
