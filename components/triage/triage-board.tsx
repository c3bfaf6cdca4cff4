"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { TriageDto } from "@/lib/impact/impact-dto.ts";
import { formatPerMinute } from "@/lib/impact/format.ts";
import { ConnectionIndicator } from "../realtime/connection-indicator.tsx";
import { useConnection } from "../realtime/use-connection.ts";
import { buttonClasses } from "../ui/button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { useShortcut } from "../ui/use-shortcut.ts";
import { TriageCard } from "./triage-card.tsx";
import { TriageRow } from "./triage-row.tsx";
import { useTriage } from "./use-triage.ts";

const SCORE_HELP =
  "Priority = 100 × share of revenue at risk now + 30 × criticality of the worst-hit journey (conversion weight, or service tier) + severity points (SEV1 40, SEV2 25, SEV3 10, SEV4 0)";

/** Commanders' landing page: every active incident, ranked by the money and customers at stake. */
export function TriageBoard({ initial, canDeclare }: { initial: TriageDto; canDeclare: boolean }) {
  const { rows, failed } = useTriage(initial);
  const connection = useConnection();
  const router = useRouter();
  useShortcut("n", () => canDeclare && router.push("/incidents/new"));
  const currency = rows[0]?.row.impact.currency ?? initial.currency;
  const total = rows.reduce((sum, r) => sum + r.row.impact.perMinute.revenue, 0);

  return (
    <main className="mx-auto w-full max-w-[1600px] space-y-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold">Triage</h1>
        <span className="text-sm text-ink-muted tabular">{rows.length} active · ranked by priority</span>
        {rows.length ? (
          <span className="text-sm tabular">
            <span className="text-ink-muted">At risk across all: </span>
            <span className={total > 0 ? "font-mono font-semibold text-sev1" : "font-mono font-semibold"} data-testid="triage-total">
              {formatPerMinute(total, currency)}
            </span>
          </span>
        ) : null}
        <div className="ml-auto flex items-center gap-3">
          <ConnectionIndicator state={connection} pending={0} />
          {canDeclare ? (
            <Link href="/incidents/new" className={buttonClasses("danger", "sm")}>
              Declare incident <Kbd>N</Kbd>
            </Link>
          ) : null}
        </div>
      </div>
      {failed ? (
        <p role="alert" className="rounded-md border border-warn/50 bg-warn/10 px-3 py-2 text-sm text-warn">
          Could not refresh the board; showing the last figures. It retries every minute.
        </p>
      ) : null}
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-line p-10 text-center">
          <p className="text-lg font-medium">No active incidents. All quiet.</p>
          <p className="mt-1 text-ink-muted">
            {canDeclare ? (
              <>
                When something breaks, declare one with <Kbd>N</Kbd>; it appears here ranked by the money at stake.
              </>
            ) : (
              "Declared incidents appear here, live, ranked by the money at stake."
            )}
          </p>
          <p className="mt-3 text-sm">
            <Link href="/incidents" className="text-accent underline underline-offset-2">
              See past incidents
            </Link>
          </p>
        </div>
      ) : (
        <>
          <ul className="space-y-2 lg:hidden" aria-label="Active incidents ranked by priority">
            {rows.map((r) => (
              <TriageCard key={r.row.incident.id} live={r} />
            ))}
          </ul>
          <div className="hidden overflow-x-auto rounded-lg border border-line lg:block">
            <table className="w-full min-w-[1000px] text-sm" data-testid="triage-board">
              <caption className="sr-only">Active incidents ranked by priority, highest first</caption>
              <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
                <tr>
                  <th scope="col" className="w-14 px-3 py-2 text-right font-medium">
                    <abbr title={SCORE_HELP} className="no-underline">
                      Score
                    </abbr>
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Incident
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Severity
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    At risk
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Lost so far
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Duration
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Commander
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Not told yet
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((r, i) => (
                  <TriageRow key={r.row.incident.id} live={r} rank={i + 1} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </main>
  );
}
