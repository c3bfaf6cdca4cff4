import { cn } from "../ui/cn.ts";
import { SEVERITY_INFO, type SeverityName } from "@/lib/vocabulary/incidents.ts";

// Severity scale: SEV1 red … SEV4 grey, everywhere. The label carries it for colour-blind readers.
export const SEVERITY_STYLES: Record<SeverityName, string> = {
  SEV1: "bg-sev1/10 text-sev1 border-sev1/50",
  SEV2: "bg-sev2/10 text-sev2 border-sev2/50",
  SEV3: "bg-sev3/10 text-sev3 border-sev3/50",
  SEV4: "bg-sev4/10 text-sev4 border-sev4/50",
};
export const SEVERITY_MARKS: Record<SeverityName, string> = { SEV1: "▲▲▲", SEV2: "▲▲", SEV3: "▲", SEV4: "△" };

export function SeverityBadge({ severity, size = "md" }: { severity: SeverityName; size?: "md" | "lg" }) {
  return (
    <span
      title={SEVERITY_INFO[severity].meaning}
      className={cn(
        "inline-flex items-center gap-1.5 rounded border font-semibold tracking-wide whitespace-nowrap",
        size === "lg" ? "px-2.5 py-1 text-sm" : "px-2 py-0.5 text-xs",
        SEVERITY_STYLES[severity],
      )}
    >
      <span aria-hidden className="text-[9px]">
        {SEVERITY_MARKS[severity]}
      </span>
      {severity}
    </span>
  );
}
