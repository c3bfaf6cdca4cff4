"use client";
import { Button } from "../ui/button.tsx";

/** Says plainly that the timeline shows older history, and how to get back to the live end. */
export function ContextBanner({ around, onBack }: { around: number; onBack: () => void }) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-accent/40 bg-accent/10 px-4 py-1.5 text-xs text-ink"
      data-testid="context-banner"
    >
      <span>
        Showing the entries around <span className="font-mono">#{around}</span>, earlier in the incident. New entries keep arriving below.
      </span>
      <Button size="sm" variant="secondary" className="ml-auto h-7 text-xs" onClick={onBack}>
        Back to latest ↓
      </Button>
    </div>
  );
}
