"use client";
import Link from "next/link";
import type { ImportChange, ImportCounts, ImportIssue, ImportResultDto } from "@/lib/catalog/io/import-types.ts";
import { buttonClasses } from "../../ui/button.tsx";

const FORMAT_LABEL = { warroom: "Warroom catalog", backstage: "Backstage catalog-info" } as const;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** "7 teams, 36 services, 54 dependencies created; 1 service changed" (or "to create…" for a plan). */
export function summarize(r: ImportResultDto, isPlan: boolean): string {
  const [create, change, remove] = isPlan ? ["to create", "to change", "to remove"] : ["created", "changed", "removed"];
  const part = (pick: (c: ImportCounts) => number, verb: string) => {
    const items = [
      plural(pick(r.teams), "team"),
      plural(pick(r.services), "service"),
      plural(pick(r.dependencies), "dependency", "dependencies"),
    ].filter((s) => !s.startsWith("0 "));
    return items.length ? `${items.join(", ")} ${verb}` : "";
  };
  const parts = [
    part((c) => c.create, create),
    part((c) => c.update, change),
    r.dependencies.remove ? `${plural(r.dependencies.remove, "dependency", "dependencies")} ${remove}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : "Nothing to change: the catalog already says what the file says";
}

function CountsTable({ result }: { result: ImportResultDto }) {
  const rows = [
    { label: "Teams", c: result.teams, remove: null },
    { label: "Services", c: result.services, remove: null },
    { label: "Dependencies", c: result.dependencies, remove: result.dependencies.remove },
  ];
  const cell = (n: number | null, tone = "") => (
    <td className={`px-3 py-2 text-right tabular ${n ? tone : "text-ink-faint"}`}>{n === null ? "—" : n.toLocaleString("en")}</td>
  );
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-xl text-sm">
        <thead className="text-xs uppercase tracking-wide text-ink-muted">
          <tr className="border-b border-line">
            <th scope="col" className="px-3 py-2 text-left font-medium">
              <span className="sr-only">Entity</span>
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              New
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Changed
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Unchanged
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Removed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-line last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {r.label}
              </th>
              {cell(r.c.create, "text-ok")}
              {cell(r.c.update, "text-warn")}
              {cell(r.c.unchanged)}
              {cell(r.remove, "text-bad")}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function IssueTable({ issues, onLine, caption }: { issues: ImportIssue[]; onLine: (line: number) => void; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs uppercase tracking-wide text-ink-muted">
          <tr className="border-b border-line">
            <th scope="col" className="w-12 px-2 py-2 text-right font-medium sm:w-20 sm:px-3">
              Line
            </th>
            <th scope="col" className="w-28 px-2 py-2 text-left font-medium sm:w-48 sm:px-3">
              Entity
            </th>
            <th scope="col" className="px-2 py-2 text-left font-medium sm:px-3">
              Problem
            </th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={`${i.field}-${n}`} className="border-b border-line align-top last:border-0" data-testid="import-issue">
              <td className="px-2 py-2 text-right sm:px-3">
                <button
                  type="button"
                  onClick={() => onLine(i.line)}
                  className="font-mono tabular text-accent hover:underline"
                  title={`Show line ${i.line} in the text`}
                >
                  {i.line}
                </button>
              </td>
              <td className="px-2 py-2 sm:px-3">
                {i.name ? <span className="block font-medium text-ink [overflow-wrap:anywhere]">{i.name}</span> : null}
                <span className="block text-xs text-ink-muted">{i.kind === "file" ? "File" : i.kind}</span>
              </td>
              <td className="px-2 py-2 sm:px-3">
                <span className="text-ink [overflow-wrap:anywhere]">{i.message}</span>
                <span className="block font-mono text-xs text-ink-faint [overflow-wrap:anywhere]">{i.field}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ACTION_LABEL = { create: "New", update: "Change", remove: "Remove" } as const;
const show = (v: unknown) =>
  v === null || v === undefined || v === "" ? "—" : Array.isArray(v) ? (v.length ? v.join(", ") : "—") : String(v);

/** Every removal and every changed field, before → after: what Import will do, line by line. */
function ChangeList({ changes }: { changes: ImportChange[] }) {
  const shown = changes.filter((c) => c.action !== "create");
  if (!shown.length) return null;
  return (
    <details open={shown.length <= 30} className="text-sm">
      <summary className="cursor-pointer font-medium">Changes to what the catalog has ({shown.length.toLocaleString("en")})</summary>
      <ul className="mt-2 space-y-1.5" data-testid="import-changes">
        {shown.map((c, i) => (
          <li key={`${c.entity}-${c.name}-${i}`} className="[overflow-wrap:anywhere]">
            <span className={c.action === "remove" ? "font-medium text-bad" : "font-medium text-warn"}>{ACTION_LABEL[c.action]}</span>{" "}
            {c.entity} <strong>{c.name}</strong>
            {c.fields.map((f) => (
              <span key={f.field} className="block pl-4 text-xs text-ink-muted">
                {f.field}: {show(f.before)} → {show(f.after)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

export type ImportOutcome =
  | { kind: "plan"; result: ImportResultDto }
  | { kind: "done"; result: ImportResultDto }
  | { kind: "failed"; message: string; issues: ImportIssue[]; warnings: ImportIssue[] };

export function ImportReport({ outcome, onLine }: { outcome: ImportOutcome; onLine: (line: number) => void }) {
  const warnings = outcome.kind === "failed" ? outcome.warnings : outcome.result.warnings;
  return (
    <div className="space-y-4">
      {outcome.kind === "failed" ? (
        <div className="space-y-3 rounded-lg border border-bad/60 bg-bad/5 p-4" role="alert">
          <p className="font-semibold text-bad">
            <span aria-hidden>✕ </span>
            {outcome.issues.length ? `${plural(outcome.issues.length, "problem")} — nothing was imported` : "Nothing was imported"}
          </p>
          {outcome.issues.length ? (
            <>
              <p className="text-sm text-ink-muted">Fix every line below and check again. Click a line number to jump to it.</p>
              <IssueTable issues={outcome.issues} onLine={onLine} caption="Problems in the file" />
            </>
          ) : (
            <p className="text-sm text-ink">{outcome.message}</p>
          )}
        </div>
      ) : outcome.kind === "plan" ? (
        <div className="space-y-3 rounded-lg border border-accent/50 bg-accent/5 p-4" role="status">
          <p className="font-semibold">
            <span aria-hidden className="text-ok">
              ✓{" "}
            </span>
            Ready to import · {FORMAT_LABEL[outcome.result.format]}
          </p>
          <p className="text-sm text-ink-muted">{summarize(outcome.result, true)}. Nothing has been written yet.</p>
          <CountsTable result={outcome.result} />
          <ChangeList changes={outcome.result.changes} />
        </div>
      ) : (
        <div className="space-y-3 rounded-lg border border-ok/50 bg-ok/5 p-4" role="status">
          <p className="font-semibold text-ok">
            <span aria-hidden>✓ </span>Imported
          </p>
          <p className="text-sm text-ink">{summarize(outcome.result, false)}.</p>
          <CountsTable result={outcome.result} />
          <div className="flex flex-wrap gap-2">
            <Link href="/catalog" className={buttonClasses("primary", "sm")}>
              Open the catalog
            </Link>
            <Link href="/map" className={buttonClasses("ghost", "sm")}>
              Open the dependency map
            </Link>
          </div>
        </div>
      )}
      {warnings.length ? (
        <details className="rounded-lg border border-line bg-surface p-4">
          <summary className="cursor-pointer text-sm font-medium text-warn">
            <span aria-hidden>! </span>
            {plural(warnings.length, "thing")} skipped on purpose
          </summary>
          <div className="mt-3">
            <IssueTable issues={warnings} onLine={onLine} caption="Skipped entries" />
          </div>
        </details>
      ) : null}
    </div>
  );
}
