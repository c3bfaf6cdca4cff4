import type { HealthName } from "@/lib/vocabulary/catalog.ts";

// Team colours avoid the health scale (green/amber/red), the severity reds and the accent blue
// (selection, search matches), and are far apart in hue so no two teams read alike: teal,
// violet, pink, tan, slate, sky, lime, rose. The blast radius is shown by outline and stripes,
// never by a hue, so it cannot be mistaken for a team. They repeat past eight teams; the legend
// and the team name on every node carry the meaning, colour only helps the eye group.
const TEAM_PALETTE = ["#2dd4bf", "#a78bfa", "#f472b6", "#d4a373", "#cbd5e1", "#38bdf8", "#bef264", "#fb7185"] as const;

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
