import type { DrillReport } from "@/lib/drill-reports/report-types.ts";
import { SuggestedActions } from "./suggested-actions.tsx";

function List({ title, items, mark, tone, empty }: { title: string; items: string[]; mark: string; tone: string; empty: string }) {
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-ink-muted">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.map((item) => (
            <li key={item}>
              <span aria-hidden className={tone}>
                {mark}{" "}
              </span>
              {item}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The drafted, blameless "what we learned", and one-click follow-ups. */
export function LessonsSection({ report, incidentId, canCreate }: { report: DrillReport; incidentId: string | null; canCreate: boolean }) {
  const { lessons } = report;
  return (
    <section aria-labelledby="drill-lessons" className="space-y-3" data-testid="drill-lessons">
      <h2 id="drill-lessons" className="text-base font-semibold">
        What we learned <span className="text-xs font-normal text-ink-faint">(draft, blameless)</span>
      </h2>
      <div className="grid gap-4 md:grid-cols-3">
        <List title="What went well" items={lessons.wentWell} mark="✓" tone="text-ok" empty="No step was within its target." />
        <List title="What was slow" items={lessons.wasSlow} mark="⚠" tone="text-warn" empty="Nothing was slow." />
        <List title="Never told" items={lessons.neverTold} mark="✗" tone="text-bad" empty="Every team in the blast radius was told." />
      </div>
      <h3 className="text-sm font-semibold">Suggested action items</h3>
      <SuggestedActions actions={lessons.actions} incidentId={incidentId} canCreate={canCreate} />
    </section>
  );
}
