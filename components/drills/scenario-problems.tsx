"use client";
import type { ScenarioProblem } from "@/lib/drills/scenario-types.ts";

/** Each problem of a written scenario with its line; the line number moves the cursor there. */
export function ScenarioProblems({
  id,
  problems,
  onGoToLine,
}: {
  id: string;
  problems: readonly ScenarioProblem[];
  onGoToLine: (line: number) => void;
}) {
  if (!problems.length) return null;
  return (
    <ul id={id} role="alert" aria-label="Problems in the scenario" className="space-y-1 text-sm" data-testid="scenario-problems">
      {problems.map((p, i) => (
        <li key={`${p.line}-${p.field}-${i}`} className="flex gap-2 text-sev1">
          <button
            type="button"
            onClick={() => onGoToLine(p.line)}
            className="shrink-0 font-mono font-medium underline-offset-2 hover:underline"
          >
            line {p.line}
          </button>
          <span className="min-w-0 [overflow-wrap:anywhere]">
            {p.field ? <span className="font-mono">{p.field}: </span> : null}
            {p.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
