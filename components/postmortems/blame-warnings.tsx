"use client";
import type { BlameMatch } from "@/lib/postmortems/blame-check.ts";

/** Warns, never blocks: each phrase with why it reads as blame and a blameless way to say it. */
export function BlameWarnings({ matches, id }: { matches: BlameMatch[]; id: string }) {
  if (matches.length === 0) return null;
  return (
    <div id={id} role="status" className="rounded-md border border-warn/50 bg-warn/10 px-3 py-2 text-sm" data-testid="blame-warnings">
      <p className="font-medium text-warn">
        <span aria-hidden>⚠ </span>Blameless check: {matches.length === 1 ? "1 phrase" : `${matches.length} phrases`} may read as blaming
        people. You can still save.
      </p>
      <ul className="mt-1.5 space-y-1.5">
        {matches.map((m) => (
          <li key={`${m.start}-${m.rule}`}>
            <q className="font-semibold text-ink">{m.phrase}</q> <span className="text-ink-muted">— {m.why}</span>
            <div className="text-ink-muted">Try: {m.suggestion}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
