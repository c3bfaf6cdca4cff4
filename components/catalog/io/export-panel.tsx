import { buttonClasses } from "../../ui/button.tsx";

interface Props {
  counts: { teams: number; services: number; dependencies: number };
}

/** Plain links: the browser downloads what the export endpoint answers (Content-Disposition). */
export function ExportPanel({ counts }: Props) {
  return (
    <section aria-labelledby="export-heading" className="space-y-4 rounded-lg border border-line bg-surface p-5">
      <div className="space-y-1">
        <h2 id="export-heading" className="font-semibold">
          Export
        </h2>
        <p className="text-sm text-ink-muted tabular">
          The whole catalog: {counts.teams} teams, {counts.services} services, {counts.dependencies} dependencies.
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <a href="/api/catalog/export?format=yaml" download className={buttonClasses("secondary", "sm")}>
          Download YAML
        </a>
        <a href="/api/catalog/export?format=json" download className={buttonClasses("secondary", "sm")}>
          Download JSON
        </a>
      </div>
      <p className="text-xs text-ink-muted">
        Everything refers to everything else by name, so the file moves to another Warroom install and imports there. Exports are sorted and
        carry no timestamps: keep one in git and review changes as diffs.
      </p>
    </section>
  );
}
