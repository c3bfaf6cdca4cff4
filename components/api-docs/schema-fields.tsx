import type { SchemaField } from "@/lib/openapi/describe-schema.ts";
import { InlineText } from "./inline-text.tsx";

const INDENT = ["pl-0", "pl-4", "pl-8", "pl-12", "pl-16", "pl-20", "pl-24"] as const;

/** A schema as a compact field list: name, type, required, and its rules in words. */
export function SchemaFields({ fields, caption }: { fields: SchemaField[]; caption: string }) {
  if (fields.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-md border border-line">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-raised/60 text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Field
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-1.5 font-medium">
              Rules
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {fields.map((f, i) => (
            <tr key={`${f.variant ?? ""}${f.path}${i}`} className="align-top">
              <td className="px-3 py-1.5">
                <div className={INDENT[Math.min(f.depth, INDENT.length - 1)]}>
                  <code className="font-mono text-[13px] text-ink">{f.path}</code>
                  {f.isRequired ? <span className="ml-2 text-[11px] font-semibold uppercase tracking-wide text-ink">required</span> : null}
                  {f.variant ? <span className="ml-2 rounded border border-line px-1 text-[11px] text-ink-muted">{f.variant}</span> : null}
                  {f.description ? (
                    <p className="mt-0.5 max-w-prose text-xs text-ink-muted">
                      <InlineText text={f.description} />
                    </p>
                  ) : null}
                </div>
              </td>
              <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs text-ink-muted">{f.type}</td>
              <td className="px-3 py-1.5 text-xs text-ink-muted">{f.constraints.join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
