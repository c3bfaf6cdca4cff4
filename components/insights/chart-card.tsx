import type { ReactNode } from "react";

/** A titled panel around one chart, with its one-sentence reading underneath. */
export function ChartCard({
  title,
  summary,
  children,
  className,
}: {
  title: string;
  summary: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 ${className ?? ""}`} aria-label={title}>
      <h2 className="text-sm font-semibold text-ink">{title}</h2>
      <figure className="flex flex-1 flex-col gap-2">
        {children}
        <figcaption className="text-xs text-ink-muted">{summary}</figcaption>
      </figure>
    </section>
  );
}
