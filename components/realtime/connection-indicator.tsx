"use client";
import { cn } from "../ui/cn.ts";
import type { ConnectionState } from "./use-connection.ts";

const LOOK: Record<ConnectionState, { label: string; cls: string; icon: string }> = {
  live: { label: "Live", cls: "text-ok border-ok/40", icon: "●" },
  degraded: { label: "Degraded: saving paused", cls: "text-warn border-warn/40", icon: "▲" },
  connecting: { label: "Connecting", cls: "text-warn border-warn/40", icon: "◌" },
  reconnecting: { label: "Reconnecting", cls: "text-warn border-warn/40", icon: "◌" },
  offline: { label: "Offline", cls: "text-bad border-bad/40", icon: "○" },
  signed_out: { label: "Signed out", cls: "text-bad border-bad/40", icon: "⏻" },
};

export function ConnectionIndicator({ state, pending }: { state: ConnectionState; pending: number }) {
  const look = LOOK[state];
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="connection"
      data-state={state}
      className={cn("inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", look.cls)}
    >
      <span aria-hidden>{look.icon}</span>
      {look.label}
      {pending > 0 ? <span className="tabular">– {pending} pending</span> : null}
      {state === "signed_out" ? (
        <a href="/login" className="underline">
          sign in
        </a>
      ) : null}
    </span>
  );
}
