import type { ReactNode } from "react";
import { cn } from "./cn.ts";

export interface DataTableColumn {
  key: string;
  label: ReactNode;
  /** Alignment and when the column shows ("hidden sm:table-cell"); the body's cells repeat it. */
  className?: string;
}

/** Horizontal cell padding: roomy for a page's main list, compact beside other content. */
export type DataTableDensity = "roomy" | "compact";
const CELL_X: Record<DataTableDensity, string> = { roomy: "px-4", compact: "px-3" };

/**
 * A list as a table: bordered box that scrolls sideways on a narrow screen, a caption for screen
 * readers, a quiet header row. The caller renders the body's rows.
 */
export function DataTable({
  caption,
  columns,
  density = "roomy",
  children,
}: {
  caption: string;
  columns: DataTableColumn[];
  density?: DataTableDensity;
  children: ReactNode;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cn(CELL_X[density], "py-2 font-medium", c.className)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </div>
  );
}
