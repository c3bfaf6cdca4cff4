"use client";
import { useDeferredValue, useMemo, useState, type UIEvent } from "react";
import { ROLE_LABELS, type RoleName } from "@/lib/auth/permissions.ts";
import type { PresenceUser } from "@/lib/realtime/protocol.ts";
import { PanelSection } from "../incidents/panel/panel-section.tsx";
import { usePresence, type PresenceStore } from "./presence-store.ts";

const ROLE_ORDER: RoleName[] = ["COMMANDER", "RESPONDER", "VIEWER", "ADMIN"];
const ROW_PX = 28;
const VISIBLE_ROWS = 8;
const OVERSCAN = 4;
const SEARCH_FROM = 9;

const roleLabel = (role: string) => ROLE_LABELS[role as RoleName] ?? role;

function countsByRole(users: PresenceUser[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const u of users) counts.set(u.role, (counts.get(u.role) ?? 0) + 1);
  const known = ROLE_ORDER.filter((r) => counts.has(r)).map((r): [string, number] => [r, counts.get(r) ?? 0]);
  return [...known, ...[...counts].filter(([r]) => !ROLE_ORDER.includes(r as RoleName))];
}

/**
 * Who is here: counts by role, then the names (searchable past a handful). The name list has a
 * fixed height and renders only the rows in view, so a thousand people arriving neither reflow the
 * side panel nor cost a thousand rows per presence delta.
 */
export function PresenceList({ store, commanderId }: { store: PresenceStore; commanderId: string | null }) {
  const users = usePresence(store);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());
  const [scrollTop, setScrollTop] = useState(0);
  const counts = useMemo(() => countsByRole(users), [users]);
  const shown = useMemo(
    () => (deferredQuery ? users.filter((u) => u.name.toLowerCase().includes(deferredQuery)) : users),
    [users, deferredQuery],
  );
  const first = Math.max(0, Math.floor(scrollTop / ROW_PX) - OVERSCAN);
  const rows = shown.slice(first, first + VISIBLE_ROWS + OVERSCAN * 2);
  const height = Math.min(Math.max(shown.length, 1), VISIBLE_ROWS) * ROW_PX;

  return (
    <PanelSection title={`In the room now (${users.length.toLocaleString("en")})`}>
      {users.length === 0 ? (
        <p className="text-ink-muted">Connecting…</p>
      ) : (
        <>
          <ul className="flex flex-wrap gap-1.5 text-xs" aria-label="People here by role" data-testid="presence-counts">
            {counts.map(([role, n]) => (
              <li key={role} className="rounded border border-line px-1.5 py-0.5 tabular">
                <span className="font-semibold">{n.toLocaleString("en")}</span> {roleLabel(role).toLowerCase()}
                {n === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
          {users.length >= SEARCH_FROM ? (
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Find someone here"
              aria-label="Find someone in the room"
              className="h-7 w-full rounded border border-line bg-canvas px-2 text-sm"
            />
          ) : null}
          <div
            className="overflow-y-auto"
            style={{ height }}
            onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
            tabIndex={shown.length > VISIBLE_ROWS ? 0 : undefined}
            aria-label={shown.length > VISIBLE_ROWS ? "People in the room, scrollable" : undefined}
          >
            {shown.length === 0 ? (
              <p className="text-ink-muted">Nobody here matches “{query}”.</p>
            ) : (
              <ul className="relative" style={{ height: shown.length * ROW_PX }} data-testid="presence">
                {rows.map((u, k) => (
                  <li
                    key={u.id}
                    className="absolute inset-x-0 flex items-center gap-2"
                    style={{ top: (first + k) * ROW_PX, height: ROW_PX }}
                  >
                    <span aria-hidden className="text-ok">
                      ●
                    </span>
                    <span className="truncate font-medium">{u.name}</span>
                    {commanderId === u.id ? (
                      <span
                        className="rounded border border-accent/50 px-1 text-[11px] font-semibold text-accent"
                        title="Incident commander"
                      >
                        IC
                      </span>
                    ) : null}
                    <span className="ml-auto shrink-0 pr-1 text-xs text-ink-muted">{roleLabel(u.role)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </PanelSection>
  );
}

/** One line for the header on a phone (where the side panel is hidden): how many, and a few names. */
export function PresenceSummary({ store }: { store: PresenceStore }) {
  const users = usePresence(store);
  if (users.length === 0) return <>—</>;
  const names = users.slice(0, 3).map((u) => u.name.split(" ")[0]);
  return <>{users.length > 3 ? `${users.length.toLocaleString("en")} · ${names.join(", ")}…` : names.join(", ")}</>;
}
