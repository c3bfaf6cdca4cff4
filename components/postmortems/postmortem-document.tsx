import type { PublishedSection } from "@/lib/postmortems/postmortem-dto.ts";
import { MarkdownView } from "./markdown-view.tsx";

/** The clean read-only document: what readers, leadership and the printer get. */
export function PostmortemDocument({ sections }: { sections: PublishedSection[] }) {
  return (
    <article className="pm-document" data-testid="pm-document">
      {sections.map((s) => (
        <section
          key={s.key}
          aria-labelledby={`doc-${s.key}`}
          className="pm-section border-b border-line py-6 last:border-b-0 print:border-black/20"
          data-section={s.key}
        >
          <h2 id={`doc-${s.key}`} className="mb-3 text-lg font-semibold">
            {s.title}
          </h2>
          <MarkdownView source={s.body} className="pm-body" empty={<p className="text-ink-faint italic">Left empty.</p>} />
        </section>
      ))}
    </article>
  );
}
