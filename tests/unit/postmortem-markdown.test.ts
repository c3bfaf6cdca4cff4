import { describe, expect, it } from "vitest";
import { markdownToText, parseInline, parseMarkdown, safeHref } from "../../lib/postmortems/markdown.ts";

describe("safe Markdown", () => {
  it("keeps web and in-app links and drops script URLs in any spelling", () => {
    expect(safeHref("https://status.example.com")).toBe("https://status.example.com");
    expect(safeHref("mailto:oncall@example.com")).toBe("mailto:oncall@example.com");
    expect(safeHref("/incidents/7")).toBe("/incidents/7");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "//evil.example"]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });

  it("turns a javascript: link into text without a target", () => {
    expect(parseInline("[x](javascript:alert(1))")).toEqual([{ type: "link", href: null, children: [{ type: "text", text: "x" }] }]);
  });

  it("keeps raw HTML as text", () => {
    const blocks = parseMarkdown('<script>alert(1)</script>\n<img src=x onerror="alert(2)">');
    expect(blocks).toHaveLength(1);
    expect(markdownToText('<img src=x onerror="alert(2)">')).toBe('<img src=x onerror="alert(2)">');
  });

  it("parses the structures a post-mortem uses", () => {
    const blocks = parseMarkdown(
      ["## What went well", "", "- **Rollback** in `4 min`", "- [x] paged payments", "", "| Figure | Value |", "| --- | --- |", "| Loss | $1,200 \\| est. |", "", "1. first", "2. second", "", "> quoted", "", "---"].join("\n"),
    );
    expect(blocks.map((b) => b.type)).toEqual(["heading", "list", "table", "list", "quote", "hr"]);
    const table = blocks[2];
    expect(table?.type === "table" && table.rows[0]?.[1]).toEqual([{ type: "text", text: "$1,200 | est." }]);
    const list = blocks[1];
    expect(list?.type === "list" && list.items[1]?.checked).toBe(true);
  });

  it("leaves snake_case and lone stars alone", () => {
    expect(parseInline("retry_policy_v2 and 2 * 3")).toEqual([{ type: "text", text: "retry_policy_v2 and 2 * 3" }]);
  });
});
