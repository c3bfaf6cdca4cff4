import Link from "next/link";

/**
 * Under the room's header of a practice incident: once the drill is scored (it ends when the
 * incident is resolved), a link to its report; while it runs, where the report will be.
 */
export function DrillReportBar({ drillId, isFinished }: { drillId: string; isFinished: boolean }) {
  return (
    <p className="border-b border-line bg-surface px-4 py-1.5 text-sm" data-testid="drill-report-bar">
      <span className="mr-2 rounded border border-warn px-1.5 py-0.5 text-xs font-semibold tracking-wide text-warn">DRILL</span>
      {isFinished ? (
        <Link href={`/drills/${drillId}`} className="font-medium underline underline-offset-2">Open the drill report</Link>
      ) : (
        <span className="text-ink-muted">Resolving this practice incident ends the drill and scores it.</span>
      )}
    </p>
  );
}
