"use client";
import type { IncidentDto } from "@/lib/incidents/incident-dto.ts";
import { ROLE_LABELS, type RoleName } from "@/lib/auth/permissions.ts";
import type { PresenceUser } from "@/lib/realtime/protocol.ts";
import { Timestamp } from "../time/timestamp.tsx";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2 border-b border-line p-4">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{title}</h2>
      {children}
    </section>
  );
}

export function RoomSidePanel({ incident, presence }: { incident: IncidentDto; presence: PresenceUser[] }) {
  return (
    <aside className="h-full min-h-0 overflow-y-auto border-l border-line bg-surface text-sm" aria-label="Incident details">
      <Section title={`In the room now (${presence.length})`}>
        {presence.length === 0 ? (
          <p className="text-ink-muted">Connecting…</p>
        ) : (
          <ul className="space-y-1.5" data-testid="presence">
            {presence.map((u) => (
              <li key={u.id} className="flex items-center gap-2">
                <span aria-hidden className="text-ok">●</span>
                <span className="font-medium">{u.name}</span>
                {incident.commander?.id === u.id ? (
                  <span className="rounded border border-accent/50 px-1 text-[11px] font-semibold text-accent" title="Incident commander">IC</span>
                ) : null}
                <span className="ml-auto text-xs text-ink-muted">{ROLE_LABELS[u.role as RoleName] ?? u.role}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Summary">
        <p className="whitespace-pre-wrap text-ink">{incident.summary || <span className="text-ink-muted">No summary yet.</span>}</p>
      </Section>
      <Section title="Key times">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-ink-muted">Started</dt>
          <dd><Timestamp iso={incident.startedAt} withDate /></dd>
          <dt className="text-ink-muted">Declared</dt>
          <dd><Timestamp iso={incident.createdAt} withDate /></dd>
          <dt className="text-ink-muted">Declared by</dt>
          <dd>{incident.declaredBy?.name ?? "Unknown"}</dd>
          {incident.resolvedAt ? (
            <>
              <dt className="text-ink-muted">Resolved</dt>
              <dd><Timestamp iso={incident.resolvedAt} withDate /></dd>
            </>
          ) : null}
        </dl>
      </Section>
    </aside>
  );
}
