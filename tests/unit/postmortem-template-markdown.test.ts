import { describe, expect, it } from "vitest";
import { parseTemplateMarkdown, templateToMarkdown } from "../../lib/postmortems/template-markdown.ts";
import { BUILTIN_TEMPLATES } from "../../lib/postmortems/templates.ts";

describe("templates written as Markdown", () => {
  it("turns each ## heading into a section with its guidance, keyed by title or {#key}", () => {
    const sections = parseTemplateMarkdown("## Summary\nTwo sentences.\n\n## Customer impact {#impact}\nNumbers.\nMore.\n## Summary\n");
    expect(sections).toEqual([
      { key: "summary", title: "Summary", guidance: "Two sentences." },
      { key: "impact", title: "Customer impact", guidance: "Numbers.\nMore." },
      { key: "summary_2", title: "Summary", guidance: "" },
    ]);
  });

  it("round-trips the built-in templates", () => {
    for (const t of BUILTIN_TEMPLATES) expect(parseTemplateMarkdown(templateToMarkdown(t.sections))).toEqual(t.sections);
  });
});
