import { isValidElement, useId, type ReactNode } from "react";
import Markdown, { type Components, type Options } from "react-markdown";
import { markdownUrlTransform, MARKDOWN_REMARK_PLUGINS } from "@/lib/postmortems/markdown.ts";

// The one way Markdown that people wrote (post-mortem sections, template guidance) becomes React
// elements: react-markdown with the policy of lib/postmortems/markdown.ts, never
// dangerouslySetInnerHTML and no rehype plugins (so no rehype-raw: raw HTML stays text). Callers
// choose how elements look, never how links and images behave.

const SAFE_COMPONENTS: Components = {
  a: ({ href, children, id, "aria-label": label }) =>
    href ? (
      <a
        id={id}
        href={href}
        aria-label={label}
        className="text-accent underline underline-offset-2"
        rel="noopener noreferrer nofollow"
        target={/^https?:/i.test(href) ? "_blank" : undefined}
      >
        {children}
      </a>
    ) : (
      // urlTransform removed a target that could run code: the words stay, the link goes.
      <span data-unsafe-link>{children}</span>
    ),
  // An image shows its alt text: nothing is loaded from elsewhere (no tracking pixels).
  img: ({ alt }) => <>{alt}</>,
};

export interface SafeMarkdownProps {
  source: string;
  /** How elements look; links and images always follow the safe policy above. */
  components?: Components;
  /** For text that sits inside a sentence: only these elements, the rest unwrapped to their words. */
  allowedElements?: Options["allowedElements"];
}

export function SafeMarkdown({ source, components, allowedElements }: SafeMarkdownProps) {
  // Footnote ids must not collide between the Markdown blocks of one page.
  const prefix = `md${useId().replace(/[^a-zA-Z0-9]/g, "")}-`;
  return (
    <Markdown
      remarkPlugins={MARKDOWN_REMARK_PLUGINS}
      remarkRehypeOptions={{ clobberPrefix: prefix }}
      urlTransform={markdownUrlTransform}
      allowedElements={allowedElements}
      unwrapDisallowed
      components={{ ...components, ...SAFE_COMPONENTS }}
    >
      {source}
    </Markdown>
  );
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map((child: ReactNode) => textOf(child)).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/** The words of some Markdown, for an attribute (a title): parsed exactly as it is shown, no markup. */
export function markdownPlainText(source: string): string {
  // react-markdown's Markdown is a synchronous function of its options (no hooks), so it can be
  // called for its tree; with no element allowed, only the text is left.
  const tree = Markdown({
    children: source,
    remarkPlugins: MARKDOWN_REMARK_PLUGINS,
    urlTransform: markdownUrlTransform,
    allowedElements: [],
    unwrapDisallowed: true,
  });
  return textOf(tree).replace(/\s+/g, " ").trim();
}
