import type { Components } from "react-markdown";
import { markdownPlainText, SafeMarkdown } from "./safe-markdown.tsx";

// Template guidance is Markdown ("Ask *how* and *what*"), parsed like the sections it guides, but
// it sits inside a sentence ("Nothing written yet. …", a muted line above the editor): only
// inline marks are kept, paragraphs, headings and lists are unwrapped to their words, and list
// items keep a bullet so they do not run together.
const INLINE = ["em", "strong", "del", "code", "a", "img", "br", "li"];

const COMPONENTS: Components = {
  code: ({ children }) => <code className="rounded bg-raised px-1 font-mono text-[0.9em]">{children}</code>,
  li: ({ children }) => (
    <>
      {"• "}
      {children}
    </>
  ),
};

export function GuidanceText({ text }: { text: string }) {
  return <SafeMarkdown source={text} allowedElements={INLINE} components={COMPONENTS} />;
}

/** The guidance as plain words, for a title attribute. */
export function guidancePlain(text: string): string {
  return markdownPlainText(text);
}
