import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GuidanceText, guidancePlain } from "../../components/postmortems/guidance-text.tsx";

// Template guidance is Markdown parsed like the post-mortem itself (SafeMarkdown), shown inline.
const render = (text: string) => renderToStaticMarkup(createElement(GuidanceText, { text }));

describe("template guidance", () => {
  it("reads Markdown as Markdown, not as a guess at asterisks", () => {
    expect(render("Name **conditions**, not people.")).toBe("Name <strong>conditions</strong>, not people.");
    expect(render("Compare error_rate_5m with p99_latency.")).toBe("Compare error_rate_5m with p99_latency.");
    expect(render("A literal \\*star\\* and `*code*`")).toBe(
      'A literal *star* and <code class="rounded bg-raised px-1 font-mono text-[0.9em]">*code*</code>',
    );
    expect(guidancePlain("Name **conditions**, `not` *people*.")).toBe("Name conditions, not people.");
  });

  it("stays inline inside the sentence it sits in: blocks become their words", () => {
    const html = render("## Tip\n\nAsk *how*.\n\n- what helped\n- what got in the way");
    expect(html).not.toMatch(/<(p|h\d|ul|ol|li|div)\b/);
    expect(html).toContain("Tip");
    expect(html).toContain("Ask <em>how</em>.");
    expect(html).toContain("• what helped");
    expect(html).toContain("• what got in the way");
    expect(guidancePlain("Ask *how*.\n\n- what helped\n- what got in the way")).toBe("Ask how. what helped what got in the way");
  });

  it("keeps raw HTML as text and script links inert", () => {
    const html = render(
      '<img src=x onerror="alert(1)"> <script>alert(2)</script> [runbook](javascript:alert(3)) [ok](https://runbooks.example/psp) ![pixel](https://tracker.example/p.png)',
    );
    expect(html).not.toMatch(/<(img|script)\b/);
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
    expect(html).toContain('<span data-unsafe-link="true">runbook</span>');
    expect(html).toContain(
      '<a href="https://runbooks.example/psp" class="text-accent underline underline-offset-2" rel="noopener noreferrer nofollow" target="_blank">ok</a>',
    );
    expect(html).toContain("pixel");
    expect(guidancePlain("<b>x</b> [y](javascript:alert(1))")).toBe("<b>x</b> y");
  });
});
