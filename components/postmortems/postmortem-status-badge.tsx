import type { PostmortemStatusName } from "@/lib/postmortems/postmortem-dto.ts";
import { cn } from "../ui/cn.ts";

const STYLES: Record<PostmortemStatusName, { label: string; icon: string; cls: string }> = {
  draft: { label: "Draft", icon: "✎", cls: "border-line-strong text-ink-muted" },
  in_review: { label: "In review", icon: "◔", cls: "border-accent/50 text-accent" },
  published: { label: "Published", icon: "✓", cls: "border-ok/50 text-ok" },
};

export function PostmortemStatusBadge({ status }: { status: PostmortemStatusName }) {
  const s = STYLES[status];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap print:hidden",
        s.cls,
      )}
      data-testid="pm-status"
    >
      <span aria-hidden>{s.icon}</span>
      {s.label}
    </span>
  );
}
