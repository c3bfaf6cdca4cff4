// Pure and client-safe: the safety policy of post-mortem Markdown, which react-markdown renders
// (components/postmortems/markdown-view.tsx). GitHub-flavoured Markdown (tables, task lists,
// autolinks, strikethrough, footnotes) via remark-gfm. Raw HTML is never interpreted: without
// rehype-raw, react-markdown turns it into text, so a `<script>` in a section shows as those
// characters. Only http(s), mailto and in-app links survive, so script, event-handler and
// javascript: payloads in any field render inert.
import remarkGfm, { type Options as GfmOptions } from "remark-gfm";

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

/** react-markdown's urlTransform: an unsafe target becomes no attribute at all (the view shows the words). */
export function markdownUrlTransform(url: string): string | null {
  return safeHref(url);
}

// "~5 min" is an estimate in a post-mortem, not a strikethrough: only "~~" strikes.
const GFM: GfmOptions = { singleTilde: false };

export const MARKDOWN_REMARK_PLUGINS: [typeof remarkGfm, GfmOptions][] = [[remarkGfm, GFM]];
