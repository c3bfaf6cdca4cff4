// Pure and client-safe: a small Markdown parser to a tree that React renders as elements. Raw HTML
// is never interpreted (it stays text) and only http(s), mailto and in-app links survive, so
// script, event-handler and javascript: payloads in any field render inert.

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "del"; children: Inline[] }
  | { type: "link"; href: string | null; children: Inline[] }
  | { type: "br" };

export type Block =
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: "paragraph"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "quote"; children: Block[] }
  | { type: "list"; ordered: boolean; start: number; items: { checked: boolean | null; children: Inline[] }[] }
  | { type: "table"; header: Inline[][]; rows: Inline[][][] }
  | { type: "hr" };

/** A link target that cannot run code: http(s), mailto, or a path/anchor in the app. */
export function safeHref(raw: string): string | null {
  const url = raw.trim();
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const squashed = [...url]
    .filter((c) => c.charCodeAt(0) > 0x20 && (c.charCodeAt(0) < 0x7f || c.charCodeAt(0) > 0x9f))
    .join("")
    .toLowerCase();
  if (/^(https?:|mailto:)/.test(squashed)) return url;
  if (/^[/#?]/.test(url) && !url.startsWith("//")) return url;
  // A relative path ("runbooks/checkout.md"); anything with a colon before its path is refused.
  const head = squashed.split(/[/?#]/)[0] ?? "";
  if (squashed !== "" && !head.includes(":") && !squashed.startsWith("//")) return url;
  return null;
}

const FENCE = /^\s{0,3}(```|~~~)/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const HR = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith("|")) row = row.slice(1);
  if (row.endsWith("|") && !row.endsWith("\\|")) row = row.slice(0, -1);
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === "\\" && row[i + 1] === "|") {
      current += "|";
      i++;
    } else if (ch === "|") {
      cells.push(current.trim());
      current = "";
    } else current += ch;
  }
  cells.push(current.trim());
  return cells;
}

function isBlockStart(line: string, next: string | undefined): boolean {
  return FENCE.test(line) || HEADING.test(line) || HR.test(line) || LIST_ITEM.test(line) || QUOTE.test(line) || (line.includes("|") && next !== undefined && TABLE_SEPARATOR.test(next) && next.includes("-"));
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? "";
    if (line.trim() === "") {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? "").trim().startsWith(fence[1] ?? "```")) body.push(lines[i++] ?? "");
      i++;
      blocks.push({ type: "code", text: body.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: "heading", level: (heading[1]?.length ?? 1) as 1, children: parseInline(heading[2] ?? "") });
      i++;
      continue;
    }
    if (HR.test(line)) {
      blocks.push({ type: "hr" });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? "")) body.push(QUOTE.exec(lines[i++] ?? "")?.[1] ?? "");
      blocks.push({ type: "quote", children: parseMarkdown(body.join("\n")) });
      continue;
    }
    const next = lines[i + 1];
    if (line.includes("|") && next !== undefined && TABLE_SEPARATOR.test(next) && next.includes("-")) {
      const header = splitRow(line).map(parseInline);
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && (lines[i] ?? "").includes("|") && (lines[i] ?? "").trim() !== "") {
        const cells = splitRow(lines[i++] ?? "");
        rows.push(header.map((_, c) => parseInline(cells[c] ?? "")));
      }
      blocks.push({ type: "table", header, rows });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[1] ?? "");
      const start = ordered ? Number.parseInt(item[1] ?? "1", 10) : 1;
      const items: { checked: boolean | null; children: Inline[] }[] = [];
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i] ?? "");
        if (!m || /\d/.test(m[1] ?? "") !== ordered) break;
        let text = m[2] ?? "";
        i++;
        // Indented lines continue the item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i] ?? "") && !LIST_ITEM.test(lines[i] ?? "")) text += `\n${(lines[i++] ?? "").trim()}`;
        const task = /^\[([ xX])\]\s+(.*)$/s.exec(text);
        items.push(task ? { checked: task[1] !== " ", children: parseInline(task[2] ?? "") } : { checked: null, children: parseInline(text) });
      }
      blocks.push({ type: "list", ordered, start, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? "").trim() !== "" && (para.length === 0 || !isBlockStart(lines[i] ?? "", lines[i + 1]))) para.push(lines[i++] ?? "");
    blocks.push({ type: "paragraph", children: parseInline(para.join("\n")) });
  }
  return blocks;
}

function findClosing(text: string, from: number, marker: string): number {
  let i = text.indexOf(marker, from);
  while (i !== -1 && text[i - 1] === "\\") i = text.indexOf(marker, i + 1);
  return i;
}

/** Inline spans: `code`, **strong**, *em* / _em_, ~~del~~, [links](url), ![images](url) as their alt text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  const flush = () => {
    if (buffer) out.push({ type: "text", text: buffer });
    buffer = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    const rest = text.slice(i);
    if (ch === "\\" && i + 1 < text.length && /[\\`*_{}[\]()#+\-.!|~<>]/.test(text[i + 1] ?? "")) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "\n") {
      flush();
      // Two trailing spaces make a hard break; otherwise a newline is a space.
      if (buffer === "" && out.length && /\s{2}$/.test(text.slice(0, i))) out.push({ type: "br" });
      else out.push({ type: "text", text: " " });
      i++;
      continue;
    }
    if (ch === "`") {
      const end = text.indexOf("`", i + 1);
      if (end > i) {
        flush();
        out.push({ type: "code", text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const link = /^(!?)\[([^\]]*)\]\(\s*<?([^()\s<>]*(?:\([^()\s]*\)[^()\s<>]*)*)>?(?:\s+"[^"]*")?\s*\)/.exec(rest);
    if ((ch === "[" || (ch === "!" && text[i + 1] === "[")) && link) {
      flush();
      if (link[1]) out.push({ type: "text", text: link[2] ?? "" });
      else out.push({ type: "link", href: safeHref(link[3] ?? ""), children: parseInline(link[2] ?? "") });
      i += link[0].length;
      continue;
    }
    for (const [marker, type] of [["**", "strong"], ["__", "strong"], ["~~", "del"], ["*", "em"], ["_", "em"]] as const) {
      if (!rest.startsWith(marker)) continue;
      const close = findClosing(text, i + marker.length, marker);
      const inner = close === -1 ? "" : text.slice(i + marker.length, close);
      // "snake_case" and "2 * 3" stay as they are: emphasis hugs its text.
      const wordy = marker.startsWith("_") && /\w/.test(text[i - 1] ?? "");
      if (close > i + marker.length && !/^\s|\s$/.test(inner) && !wordy) {
        flush();
        out.push({ type, children: parseInline(inner) });
        i = close + marker.length;
        break;
      }
    }
    if (i < text.length && text[i] === ch && text.slice(i) === rest) {
      buffer += ch;
      i++;
    }
  }
  flush();
  return out;
}

/** Plain text of a Markdown source (for search snippets and notifications). */
export function markdownToText(source: string): string {
  const inline = (nodes: Inline[]): string =>
    nodes.map((n) => (n.type === "text" || n.type === "code" ? n.text : n.type === "br" ? "\n" : inline(n.children))).join("");
  const block = (b: Block): string => {
    switch (b.type) {
      case "heading":
      case "paragraph":
        return inline(b.children);
      case "code":
        return b.text;
      case "quote":
        return b.children.map(block).join("\n");
      case "list":
        return b.items.map((it) => `- ${inline(it.children)}`).join("\n");
      case "table":
        return [b.header, ...b.rows].map((r) => r.map(inline).join(" | ")).join("\n");
      case "hr":
        return "";
    }
  };
  return parseMarkdown(source).map(block).join("\n\n");
}
