import type { HealthName } from "@/lib/catalog/constants.ts";

// Team colours avoid the health scale (green/amber/red) and the severity reds, so a team never
// reads as a state. They repeat past eight teams; the legend and the team name on every node
// carry the meaning, colour only helps the eye group.
const TEAM_PALETTE = ["#60a5fa", "#c084fc", "#22d3ee", "#f472b6", "#a5b4fc", "#94a3b8", "#e879f9", "#7dd3fc"] as const;

/** Stable per team: assigned in team-name order, so colours do not shuffle when filters change. */
export function teamColors(teams: readonly { id: string; name: string }[]): Map<string, string> {
  const sorted = [...teams].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return new Map(sorted.map((t, i) => [t.id, TEAM_PALETTE[i % TEAM_PALETTE.length] ?? "#94a3b8"]));
}

/** Health: the one green/amber/red scale, always with a word and a distinct mark. */
export const HEALTH_INFO: Record<HealthName, { label: string; mark: string; text: string; border: string; dot: string }> = {
  ok: { label: "OK", mark: "●", text: "text-ok", border: "border-line", dot: "bg-ok" },
  degraded: { label: "Degraded", mark: "◐", text: "text-warn", border: "border-warn", dot: "bg-warn" },
  down: { label: "Down", mark: "✕", text: "text-bad", border: "border-bad", dot: "bg-bad" },
  unknown: { label: "Unknown", mark: "○", text: "text-ink-faint", border: "border-line", dot: "bg-ink-faint" },
};

export const NODE_WIDTH = 248;
export const NODE_HEIGHT = 76;
