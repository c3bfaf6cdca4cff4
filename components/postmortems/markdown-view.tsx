import type { ReactNode } from "react";
import type { Components, ExtraProps } from "react-markdown";
import { cn } from "../ui/cn.ts";
import { cellWidthClass } from "./cell-width.ts";
import { SafeMarkdown } from "./safe-markdown.tsx";

// A post-mortem section as a document. Safety (raw HTML stays text; links only http(s), mailto
// and in-app) is SafeMarkdown's; this file only decides how the elements look.

type HastElement = NonNullable<ExtraProps["node"]>;

const HEADINGS = {
  1: "text-lg font-semibold",
  2: "text-base font-semibold",
  3: "text-sm font-semibold uppercase tracking-wide text-ink-muted print:text-black",
  4: "text-sm font-semibold",
  5: "text-sm font-semibold",
  6: "text-sm font-semibold",
} as const;

// Section titles are h2 in the document; headings inside a section sit below them.
function heading(level: keyof typeof HEADINGS): Components["h1"] {
  const Tag = `h${Math.min(6, level + 2)}` as "h3";
  // No id: the only one remark gives a heading is the footnotes' "footnote-label", the same in
  // every section of a page, so neither it nor the links' aria-describedby to it are kept.
  return function Heading({ children, className }) {
    return <Tag className={cn("mt-4 first:mt-0", HEADINGS[level], className)}>{children}</Tag>;
  };
}

/** "Table: Time (UTC), Service, Errors": the header row, so a focused table says what it holds. */
function tableLabel(node: HastElement | undefined): string {
  const header = node?.children.find((c): c is HastElement => c.type === "element" && c.tagName === "thead");
  const row = header?.children.find((c): c is HastElement => c.type === "element" && c.tagName === "tr");
  const names = (row?.children ?? []).flatMap((c) => (c.type === "element" ? [textOf(c).trim()] : [])).filter(Boolean);
  const label = `Table: ${names.join(", ")}`;
  return names.length ? (label.length > 120 ? `${label.slice(0, 119)}…` : label) : "Table";
}

function textOf(node: HastElement | undefined): string {
  let text = "";
  for (const child of node?.children ?? []) {
    if (child.type === "text") text += child.value;
    else if (child.type === "element") text += textOf(child);
  }
  return text;
}

const COMPONENTS: Components = {
  h1: heading(1),
  h2: heading(2),
  h3: heading(3),
  h4: heading(4),
  h5: heading(5),
  h6: heading(6),
  strong: ({ children }) => <strong className="font-semibold">{children}</strong>,
  code: ({ children }) => <code className="rounded bg-raised px-1 py-0.5 font-mono text-[0.9em]">{children}</code>,
  // A fence is plain text in a box; the language tag is not highlighted.
  pre: ({ node }) => (
    <pre className="overflow-x-auto rounded-md border border-line bg-canvas p-3 font-mono text-xs print:border-black/30 print:bg-white">
      {textOf(node).replace(/\n$/, "")}
    </pre>
  ),
  blockquote: ({ children }) => <blockquote className="space-y-2 border-l-2 border-line-strong pl-3 text-ink-muted">{children}</blockquote>,
  hr: () => <hr className="border-line" />,
  ul: ({ children }) => <ul className="list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children, start }) => (
    <ol start={start} className="list-decimal space-y-1 pl-6">
      {children}
    </ol>
  ),
  li: ({ children, className, id }) => (
    <li id={id} className={className?.includes("task-list-item") ? "list-none" : undefined}>
      {children}
    </li>
  ),
  // A task list's checkbox, read-only: a mark with a name rather than a disabled, unlabeled input.
  input: ({ type, checked }) =>
    type === "checkbox" ? (
      <span role="img" aria-label={checked ? "done" : "not done"} className="mr-1.5 font-mono">
        {checked ? "☑" : "☐"}
      </span>
    ) : null,
  // Wide tables scroll inside their own box instead of widening a phone's page; cells keep a
  // readable width (cell-width.ts) rather than being squeezed into tall, one-word-a-line rows.
  // The box is focusable so a keyboard can scroll it, and named so a screen reader says what it is.
  table: ({ children, node }) => (
    <div role="region" aria-label={tableLabel(node)} tabIndex={0} className="max-w-full overflow-x-auto print:overflow-visible">
      <table className="w-full border-collapse text-sm">{children}</table>
    </div>
  ),
  // A heading wraps between its words: its column's width is the cells' to decide.
  th: ({ children, style }) => (
    <th scope="col" style={style} className="border-b border-line-strong px-2 py-1.5 text-left align-bottom font-semibold">
      {children}
    </th>
  ),
  tr: ({ children }) => <tr className="border-b border-line">{children}</tr>,
  td: ({ children, style, node }) => (
    <td style={style} className={cn("px-2 py-1.5 align-top tabular", cellWidthClass(textOf(node)))}>
      {children}
    </td>
  ),
};

export function MarkdownView({ source, className, empty }: { source: string; className?: string; empty?: ReactNode }) {
  if (source.trim() === "") return <div className={className}>{empty ?? null}</div>;
  return (
    <div className={cn("space-y-3 leading-relaxed", className)}>
      <SafeMarkdown source={source} components={COMPONENTS} />
    </div>
  );
}
