"use client";
import { useState } from "react";
import { Button } from "../../ui/button.tsx";

/** A value to paste somewhere else (URL, secret), selectable by hand when the clipboard is refused. */
export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium uppercase tracking-wide text-ink-muted">{label}</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 select-all break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-sm text-ink"
        >
          {value}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          {copied === "yes" ? "Copied ✓" : "Copy"}
        </Button>
      </div>
      {copied === "failed" ? (
        <p role="status" className="text-xs text-ink-muted">
          The browser refused clipboard access: select the text and copy it by hand.
        </p>
      ) : null}
    </div>
  );
}
