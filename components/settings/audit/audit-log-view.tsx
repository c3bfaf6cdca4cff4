"use client";
import { useState, type FormEvent } from "react";
import { apiRequest } from "@/components/api/api-client.ts";
import { Timestamp } from "@/components/time/timestamp.tsx";
import { Button, buttonClasses } from "@/components/ui/button.tsx";
import { Field, Input, Select } from "@/components/ui/field.tsx";
import type { AuditEntryDto } from "@/lib/audit-log/list-audit.ts";

interface Page {
  entries: AuditEntryDto[];
  hasMore: boolean;
}

interface Filters {
  action: string;
  entityType: string;
  actorId: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { action: "", entityType: "", actorId: "", from: "", to: "" };

/** datetime-local values are in the viewer's zone; the API takes ISO instants. */
function toQuery(f: Filters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.action) q.set("action", f.action);
  if (f.entityType) q.set("entityType", f.entityType);
  if (f.actorId) q.set("actorId", f.actorId);
  if (f.from) q.set("from", new Date(f.from).toISOString());
  if (f.to) q.set("to", new Date(f.to).toISOString());
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);
const show = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));

/** The fields that differ between before and after: what a reader actually wants to see. */
function changedFields(before: unknown, after: unknown): { key: string; from: string; to: string }[] {
  if (!isPlain(before) || !isPlain(after)) return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) && k !== "updatedAt")
    .map((k) => ({ key: k, from: show(before[k]), to: show(after[k]) }));
}

function Change({ entry }: { entry: AuditEntryDto }) {
  if (entry.before === null && entry.after === null) return <span className="text-ink-faint">—</span>;
  const changes = changedFields(entry.before, entry.after);
  return (
    <div className="space-y-1">
      {changes.slice(0, 6).map((c) => (
        <p key={c.key} className="break-all font-mono text-xs">
          <span className="text-ink-muted">{c.key}:</span> <span className="text-ink-faint line-through">{c.from}</span> →{" "}
          <span className="text-ink">{c.to}</span>
        </p>
      ))}
      {changes.length > 6 ? <p className="text-xs text-ink-faint">and {changes.length - 6} more fields</p> : null}
      <details>
        <summary className="cursor-pointer text-xs text-accent">Full before / after</summary>
        <div className="mt-2 flex flex-col gap-2 md:flex-row">
          <Json label="Before" value={entry.before} />
          <Json label="After" value={entry.after} />
        </div>
      </details>
    </div>
  );
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="min-w-0 flex-1">
      <p className="text-xs font-semibold uppercase tracking-wide text-ink-faint">{label}</p>
      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-canvas p-2 font-mono text-xs text-ink-muted">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

export function AuditLogView({
  initial,
  facets,
  members,
}: {
  initial: Page;
  facets: { actions: string[]; entityTypes: string[] };
  members: { id: string; name: string }[];
}) {
  const [page, setPage] = useState<Page>(initial);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(f: Filters, before?: string) {
    setBusy(true);
    const res = await apiRequest<Page>(`/api/audit?${toQuery(f, before ? { before } : {})}`);
    setBusy(false);
    if (!res.ok) {
      setError({ message: res.error.message, fields: res.error.fields });
      return;
    }
    setError(null);
    setApplied(f);
    setPage((prev) => (before ? { entries: [...prev.entries, ...res.data.entries], hasMore: res.data.hasMore } : res.data));
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void load(filters);
  }

  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        className="grid grid-cols-2 items-end gap-3 rounded-lg border border-line bg-surface p-4 md:grid-cols-6"
        aria-label="Filter the audit log"
      >
        <Field label="Action" htmlFor="audit-action" error={error?.fields.action}>
          <Select id="audit-action" value={filters.action} onChange={set("action")}>
            <option value="">Any</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Entity" htmlFor="audit-entity" error={error?.fields.entityType}>
          <Select id="audit-entity" value={filters.entityType} onChange={set("entityType")}>
            <option value="">Any</option>
            {facets.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Who" htmlFor="audit-actor" error={error?.fields.actorId}>
          <Select id="audit-actor" value={filters.actorId} onChange={set("actorId")}>
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From" htmlFor="audit-from" error={error?.fields.from}>
          <Input id="audit-from" type="datetime-local" value={filters.from} onChange={set("from")} />
        </Field>
        <Field label="To" htmlFor="audit-to" error={error?.fields.to}>
          <Input id="audit-to" type="datetime-local" value={filters.to} onChange={set("to")} />
        </Field>
        <div className="flex gap-2">
          <Button type="submit" disabled={busy}>
            Apply
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setFilters(EMPTY);
              void load(EMPTY);
            }}
          >
            Clear
          </Button>
        </div>
      </form>

      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-ink-muted" aria-live="polite">
          {page.entries.length} {page.entries.length === 1 ? "entry" : "entries"} shown{page.hasMore ? ", more available" : ""}.
          Append-only: entries cannot be edited or deleted.
        </p>
        <div className="ml-auto flex gap-2">
          <a className={buttonClasses("secondary", "sm")} href={`/api/audit?${toQuery(applied, { format: "csv" })}`} download>
            Export CSV
          </a>
          <a className={buttonClasses("secondary", "sm")} href={`/api/audit?${toQuery(applied, { format: "json" })}`} download>
            Export JSON
          </a>
        </div>
      </div>
      {error && Object.keys(error.fields).length === 0 ? (
        <p role="alert" className="text-sm font-medium text-sev1">
          {error.message}
        </p>
      ) : null}

      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full text-left text-sm">
          <thead className="bg-surface text-xs uppercase tracking-wide text-ink-faint">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                When
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Who
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Action
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Entity
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {page.entries.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-ink-muted">
                  Nothing matches these filters.
                </td>
              </tr>
            ) : null}
            {page.entries.map((e) => (
              <tr key={e.id} className="border-t border-line align-top" data-testid="audit-entry">
                <td className="whitespace-nowrap px-3 py-2 text-ink-muted">
                  <Timestamp iso={e.at} withDate />
                </td>
                <td className="px-3 py-2">
                  {e.actor ? e.actor.name : <span className="text-ink-faint">system</span>}
                  {e.apiToken ? (
                    <span className="block text-xs text-ink-muted" title={`API token ${e.apiToken.prefix}…`}>
                      via API token “{e.apiToken.name}”
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2">
                  <span className="text-ink-muted">{e.entityType}</span>{" "}
                  <span className="font-mono text-xs text-ink-faint" title={e.entityId}>
                    {e.entityId.slice(0, 8)}
                  </span>
                </td>
                <td className="px-3 py-2">
                  <Change entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.hasMore ? (
        <Button variant="secondary" disabled={busy} onClick={() => void load(applied, page.entries.at(-1)?.id)}>
          {busy ? "Loading…" : "Load older entries"}
        </Button>
      ) : null}
    </div>
  );
}
