import { KIND_LABELS, type EventKindName } from "@/lib/vocabulary/timeline.ts";
import { cn } from "../ui/cn.ts";

// Kinds are told apart by a glyph and a word, not by colour: the severity, status and health
// colours each mean one thing across the product and are not borrowed here.
const GLYPH: Record<EventKindName, string> = {
  note: "✎",
  action: "▶",
  decision: "◆",
  hypothesis: "?",
  notification: "→",
  link: "↗",
  status_change: "◎",
  severity_change: "▲",
  role_change: "⚑",
  impact_change: "$",
  alert: "!",
  amendment: "↻",
  stakeholder_update: "✉",
};

export function KindTag({ kind, className }: { kind: EventKindName; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded border px-1.5 py-px text-[11px] font-medium tracking-wide whitespace-nowrap uppercase",
        kind === "decision" ? "border-line-strong text-ink" : "border-line text-ink-muted",
        className,
      )}
    >
      <span aria-hidden className="font-mono text-[10px] leading-none">
        {GLYPH[kind]}
      </span>
      {KIND_LABELS[kind]}
    </span>
  );
}
