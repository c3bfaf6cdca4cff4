import { Fragment, type ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "@/lib/postmortems/markdown.ts";
import { cn } from "../ui/cn.ts";

// Renders Markdown as React elements: never dangerouslySetInnerHTML, so user text can only ever
// be text, and links are limited to http(s), mailto and in-app paths (lib/postmortems/markdown.ts).

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((n, i) => {
    switch (n.type) {
      case "text":
        return <Fragment key={i}>{n.text}</Fragment>;
      case "code":
        return <code key={i} className="rounded bg-raised px-1 py-0.5 font-mono text-[0.9em]">{n.text}</code>;
      case "strong":
        return <strong key={i} className="font-semibold">{inline(n.children)}</strong>;
      case "em":
        return <em key={i}>{inline(n.children)}</em>;
      case "del":
        return <del key={i}>{inline(n.children)}</del>;
      case "br":
        return <br key={i} />;
      case "link":
        return n.href ? (
          <a key={i} href={n.href} className="text-accent underline underline-offset-2" rel="noopener noreferrer nofollow" target={n.href.startsWith("http") ? "_blank" : undefined}>
            {inline(n.children)}
          </a>
        ) : (
          // A link whose target could run code keeps its words and loses the link.
          <span key={i} data-unsafe-link>{inline(n.children)}</span>
        );
    }
  });
}

const HEADINGS = {
  1: "text-lg font-semibold",
  2: "text-base font-semibold",
  3: "text-sm font-semibold uppercase tracking-wide text-ink-muted print:text-black",
  4: "text-sm font-semibold",
  5: "text-sm font-semibold",
  6: "text-sm font-semibold",
} as const;

function block(b: Block, i: number): ReactNode {
  switch (b.type) {
    case "heading": {
      // Section titles are h2 in the document; headings inside a section sit below them.
      const Tag = (`h${Math.min(6, b.level + 2)}`) as "h3";
      return <Tag key={i} className={cn("mt-4 first:mt-0", HEADINGS[b.level])}>{inline(b.children)}</Tag>;
    }
    case "paragraph":
      return <p key={i}>{inline(b.children)}</p>;
    case "code":
      return <pre key={i} className="overflow-x-auto rounded-md border border-line bg-canvas p-3 font-mono text-xs print:border-black/30 print:bg-white">{b.text}</pre>;
    case "quote":
      return <blockquote key={i} className="space-y-2 border-l-2 border-line-strong pl-3 text-ink-muted">{b.children.map(block)}</blockquote>;
    case "hr":
      return <hr key={i} className="border-line" />;
    case "list": {
      const items = b.items.map((it, j) => (
        <li key={j} className={it.checked === null ? undefined : "list-none"}>
          {it.checked === null ? null : <span aria-label={it.checked ? "done" : "not done"} className="mr-1.5 font-mono">{it.checked ? "☑" : "☐"}</span>}
          {inline(it.children)}
        </li>
      ));
      return b.ordered ? (
        <ol key={i} start={b.start} className="list-decimal space-y-1 pl-6">{items}</ol>
      ) : (
        <ul key={i} className="list-disc space-y-1 pl-6">{items}</ul>
      );
    }
    case "table":
      return (
        <div key={i} className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr>{b.header.map((c, j) => <th key={j} scope="col" className="border-b border-line-strong px-2 py-1.5 text-left font-semibold">{inline(c)}</th>)}</tr>
            </thead>
            <tbody>
              {b.rows.map((r, j) => (
                <tr key={j} className="border-b border-line">
                  {r.map((c, k) => <td key={k} className="px-2 py-1.5 align-top tabular">{inline(c)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

export function MarkdownView({ source, className, empty }: { source: string; className?: string; empty?: ReactNode }) {
  const blocks = parseMarkdown(source);
  if (blocks.length === 0) return <div className={className}>{empty ?? null}</div>;
  return <div className={cn("space-y-3 leading-relaxed", className)}>{blocks.map(block)}</div>;
}
