// Pure and client-safe: a custom template written as Markdown. Each "## Title" starts a section;
// the text under it is the guidance writers see. "{#key}" after a title sets the section's key,
// which decides what the draft pre-fills (summary, impact, timeline, detection, response, appendix).
import type { TemplateSection } from "./templates.ts";

export const PREFILLED_KEYS = ["summary", "impact", "timeline", "detection", "response", "appendix"] as const;

const HEADING = /^##\s+(.+?)\s*(?:\{#([a-z][a-z0-9_]{0,39})\})?\s*$/;

export function slugKey(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  return /^[a-z]/.test(slug) ? slug : `s_${slug}`.slice(0, 40);
}

export function parseTemplateMarkdown(source: string): TemplateSection[] {
  const sections: TemplateSection[] = [];
  const used = new Set<string>();
  let current: { key: string; title: string; lines: string[] } | null = null;
  const close = () => {
    if (current) sections.push({ key: current.key, title: current.title, guidance: current.lines.join("\n").trim() });
  };
  for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
    const m = HEADING.exec(line);
    if (!m) {
      current?.lines.push(line);
      continue;
    }
    close();
    const title = (m[1] ?? "").trim();
    let key = m[2] ?? slugKey(title);
    // Two sections with one title still get distinct keys.
    for (let n = 2; used.has(key); n++) key = `${(m[2] ?? slugKey(title)).slice(0, 36)}_${n}`;
    used.add(key);
    current = { key, title, lines: [] };
  }
  close();
  return sections;
}

export function templateToMarkdown(sections: readonly TemplateSection[]): string {
  return sections.map((s) => `## ${s.title}${slugKey(s.title) === s.key ? "" : ` {#${s.key}}`}\n${s.guidance}`.trim()).join("\n\n");
}
