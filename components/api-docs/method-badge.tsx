import type { HttpMethod } from "@/lib/openapi/types.ts";
import { cn } from "../ui/cn.ts";

// The method is always written out; the colour only helps scanning (reads blue, creates green,
// changes amber, deletes red).
const STYLES: Record<HttpMethod, string> = {
  GET: "border-accent/50 bg-accent/10 text-accent",
  POST: "border-ok/50 bg-ok/10 text-ok",
  PUT: "border-warn/50 bg-warn/10 text-warn",
  PATCH: "border-warn/50 bg-warn/10 text-warn",
  DELETE: "border-bad/50 bg-bad/10 text-bad",
};

export function MethodBadge({ method, size = "md" }: { method: HttpMethod; size?: "sm" | "md" }) {
  return (
    <span
      className={cn(
        "inline-flex shrink-0 justify-center rounded border font-mono font-semibold tracking-wide",
        size === "sm" ? "w-14 px-1 py-px text-[10px]" : "w-16 px-1.5 py-0.5 text-xs",
        STYLES[method],
      )}
    >
      {method}
    </span>
  );
}
