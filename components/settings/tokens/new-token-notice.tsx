"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "../../ui/button.tsx";
import { useOrigin } from "../integrations/use-origin.ts";

/** The one and only time the token is visible: make copying it obvious, and say so. */
export function NewTokenNotice({ name, token, onDismiss }: { name: string; token: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const origin = useOrigin("https://warroom.example");

  useEffect(() => {
    ref.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      // Clipboard access can be refused (http, permissions): the text stays selectable.
      setCopied("failed");
    }
  }

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="region"
      aria-label="New API token"
      data-testid="new-token"
      className="space-y-3 rounded-lg border border-ok/50 bg-ok/5 p-4 outline-none"
    >
      <p className="font-semibold text-ink">Token “{name}” created. Copy it now: it will not be shown again.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="new-token-value"
          className="min-w-0 flex-1 select-all break-all rounded-md border border-line bg-canvas px-3 py-2 font-mono text-sm text-ink"
        >
          {token}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied ✓" : "Copy"}
        </Button>
      </div>
      <p role="status" className="text-xs text-ink-muted">
        {copied === "failed" ? "The browser refused clipboard access: select the token and copy it by hand." : null}
      </p>
      <details className="text-xs text-ink-muted">
        <summary className="cursor-pointer text-ink">How to use it</summary>
        <pre className="mt-2 overflow-x-auto rounded-md border border-line bg-canvas p-3 font-mono text-[11px] text-ink">{`curl -X POST ${origin}/api/services/<service id>/health \\
  -H "Authorization: Bearer ${token.slice(0, 10)}…" \\
  -H "content-type: application/json" \\
  -d '{"status":"degraded","message":"p99 latency 4 s"}'`}</pre>
      </details>
      <Button variant="ghost" size="sm" onClick={onDismiss}>
        I have copied it
      </Button>
    </div>
  );
}
