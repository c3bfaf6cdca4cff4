"use client";
import { useId, useState } from "react";
import { ROLE_LABELS } from "@/lib/auth/permissions.ts";
import type { MemberDto } from "@/lib/users/member-dto.ts";
import { MemberStatus } from "./member-status.tsx";

interface Props {
  people: MemberDto[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}

/** Members are people of the organisation: tick them; the filter helps in a long list. */
export function MembersPicker({ people, value, onChange, error }: Props) {
  const id = useId();
  const [q, setQ] = useState("");
  const term = q.trim().toLowerCase();
  const shown = term ? people.filter((p) => `${p.name} ${p.email}`.toLowerCase().includes(term)) : people;
  const chosen = new Set(value);

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">
        Members{" "}
        <span className="font-normal text-ink-muted tabular">
          · {value.length} of {people.length}
        </span>
      </legend>
      {people.length > 6 ? (
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Filter people…"
          aria-label="Filter people"
          className="h-8 w-full rounded-md border border-line bg-canvas px-3 text-sm text-ink placeholder:text-ink-faint focus:border-accent focus:outline-none"
        />
      ) : null}
      <ul
        className="max-h-64 divide-y divide-line overflow-y-auto rounded-md border border-line"
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {shown.map((p) => (
          <li key={p.id}>
            <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-raised/60">
              <input
                type="checkbox"
                checked={chosen.has(p.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((v) => v !== p.id))}
                className="size-3.5 accent-[var(--color-accent)]"
              />
              <span className="min-w-0 flex-1">
                <span className="text-ink">{p.name}</span>
                <span className="ml-2 truncate text-xs text-ink-muted">{p.email}</span>
                {p.status !== "active" ? <MemberStatus status={p.status} /> : null}
              </span>
              <span className="text-xs text-ink-faint">{ROLE_LABELS[p.role]}</span>
            </label>
          </li>
        ))}
        {!shown.length ? <li className="px-3 py-2 text-sm text-ink-muted">Nobody matches “{q}”.</li> : null}
      </ul>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-sev1">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
