import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownView } from "../../components/postmortems/markdown-view.tsx";
import { safeHref } from "../../lib/postmortems/markdown.ts";

const render = (source: string) => renderToStaticMarkup(createElement(MarkdownView, { source }));

describe("safe Markdown", () => {
  it("keeps web and in-app links and drops script URLs in any spelling", () => {
    expect(safeHref("https://status.example.com")).toBe("https://status.example.com");
    expect(safeHref("mailto:oncall@example.com")).toBe("mailto:oncall@example.com");
    expect(safeHref("/incidents/7")).toBe("/incidents/7");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      " java\tscript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:x",
      "//evil.example",
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });

  it("turns a javascript: link into text without a target", () => {
    expect(render("[x](javascript:alert(1))")).toBe(
      '<div class="space-y-3 leading-relaxed"><p><span data-unsafe-link="true">x</span></p></div>',
    );
  });

  it("renders no hostile link in any Markdown link form", () => {
    const html = render(
      [
        "[a](JaVaScRiPt:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](vbscript:x) [d](//evil.example)",
        "",
        "<javascript:alert(2)> and <data:text/html,hi>",
        "",
        "[e][ref]",
        "",
        "[ref]: javascript:alert(3)",
        "",
        "[f](java&#x09;script:alert(4)) [g](&#106;avascript:alert(5))",
      ].join("\n"),
    );
    expect(html).not.toContain("href");
    expect(html).not.toContain("<a");
    // Every one keeps its words (an autolink's words are its address) and loses its target.
    expect(html.match(/<span data-unsafe-link="true">/g)).toHaveLength(9);
  });

  it("keeps raw HTML as text", () => {
    const html = render('<script>alert(1)</script>\n<img src=x onerror="alert(2)">\n\nInline <b onmouseover="alert(3)">bold</b>.');
    expect(html).not.toMatch(/<script|<img|<b /);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
    expect(html).toContain("Inline &lt;b onmouseover=&quot;alert(3)&quot;&gt;bold&lt;/b&gt;.");
  });

  it("shows an image as its alt text and loads nothing", () => {
    const html = render("![checkout graph](https://tracker.example/pixel.png)");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("checkout graph");
  });

  it("parses the structures a post-mortem uses", () => {
    const html = render(
      [
        "## What went well",
        "",
        "- **Rollback** in `4 min`",
        "- [x] paged payments",
        "",
        "| Figure | Value |",
        "| --- | --- |",
        "| Loss | $1,200 \\| est. |",
        "",
        "1. first",
        "2. second",
        "",
        "> quoted",
        "",
        "---",
      ].join("\n"),
    );
    // Headings sit below the section's own h2.
    expect(html).toContain('<h4 class="mt-4 first:mt-0 text-base font-semibold">What went well</h4>');
    expect(html).toContain('<strong class="font-semibold">Rollback</strong> in <code');
    expect(html).toContain("$1,200 | est.</td>");
    expect(html).toMatch(/<ol[^>]*>\s*<li>first<\/li>\s*<li>second<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<blockquote[^>]*>\s*<p>quoted<\/p>\s*<\/blockquote>/);
    expect(html).toContain("<hr");
  });

  it("renders GFM tables inside a box that scrolls sideways, with alignment", () => {
    const html = render(["| Service | Errors | Note |", "| :-- | --: | :-: |", "| checkout | 1,204 | **paged** |"].join("\n"));
    // A named, focusable box: a keyboard can scroll it and a screen reader says what it holds.
    expect(html).toMatch(
      /<div role="region" aria-label="Table: Service, Errors, Note" tabindex="0" class="max-w-full overflow-x-auto[^"]*"><table/,
    );
    expect(html).toContain('<th scope="col" style="text-align:left"');
    expect(html).toMatch(/<td style="text-align:right"[^>]*>1,204<\/td>/);
    expect(html).toMatch(/<td style="text-align:center"[^>]*><strong[^>]*>paged<\/strong><\/td>/);
  });

  it("keeps short values on one line and gives prose a readable width instead of one word a line", () => {
    const note = "the PSP's status page, not our alerts";
    const essay = "We rolled back payments-api to v41, paged the payments team, and kept the flag off until the PSP confirmed the fix.";
    const html = render(
      ["| Service | Who noticed | What we did |", "| --- | --- | --- |", `| payments-api | ${note} | ${essay} |`].join("\n"),
    );
    expect(html).toMatch(/<td[^>]*class="[^"]*whitespace-nowrap[^"]*">payments-api<\/td>/);
    expect(html).toMatch(new RegExp(`<td[^>]*class="[^"]*min-w-48 print:min-w-0[^"]*">${note.replace("'", "&#x27;")}</td>`));
    expect(html).toMatch(/<td[^>]*class="[^"]*min-w-72 print:min-w-0[^"]*">We rolled back/);
  });

  it("renders task lists as named marks, not unlabeled inputs", () => {
    const html = render(["- [x] rolled back", "- [ ] add an alert on the PSP error rate"].join("\n"));
    expect(html).not.toContain("<input");
    expect(html).toContain('<li class="list-none"><span role="img" aria-label="done" class="mr-1.5 font-mono">☑</span> rolled back</li>');
    expect(html).toContain('<span role="img" aria-label="not done" class="mr-1.5 font-mono">☐</span> add an alert');
  });

  it("autolinks web addresses and e-mail addresses, opening the web in a new tab", () => {
    const html = render("See https://status.example.com/incidents/42, www.example.com or oncall@example.com.");
    expect(html).toContain(
      '<a href="https://status.example.com/incidents/42" class="text-accent underline underline-offset-2" rel="noopener noreferrer nofollow" target="_blank">https://status.example.com/incidents/42</a>,',
    );
    expect(html).toContain('href="http://www.example.com"');
    expect(html).toMatch(/<a href="mailto:oncall@example.com"[^>]*>oncall@example.com<\/a>/);
    expect(render("[incident](/incidents/7)")).not.toContain("target=");
  });

  it("strikes through ~~this~~ but leaves ~5 min estimates alone", () => {
    const html = render("~~fixed~~ in ~5 min to ~10 min");
    expect(html).toContain("<del>fixed</del> in ~5 min to ~10 min");
  });

  it("keeps footnote ids unique across the sections of one page", () => {
    const source = "Paged late.[^1]\n\n[^1]: The PSP status page was green.";
    const html = renderToStaticMarkup(
      createElement("main", null, createElement(MarkdownView, { source }), createElement(MarkdownView, { source })),
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(target);
  });

  it("leaves snake_case and lone stars alone", () => {
    expect(render("retry_policy_v2 and 2 * 3")).toBe('<div class="space-y-3 leading-relaxed"><p>retry_policy_v2 and 2 * 3</p></div>');
  });

  it("shows the empty state for blank text", () => {
    expect(renderToStaticMarkup(createElement(MarkdownView, { source: " \n ", empty: "Left empty." }))).toBe("<div>Left empty.</div>");
  });
});
