"use client";
import Link from "next/link";
import { useState } from "react";
import { ROLE_LABELS } from "@/lib/auth/permissions.ts";
import type { TeamDetailDto } from "@/lib/catalog/catalog-dto.ts";
import { SERVICE_KIND_LABELS } from "@/lib/vocabulary/catalog.ts";
import type { MemberDto } from "@/lib/users/member-dto.ts";
import { MemberStatus } from "./member-status.tsx";
import { Button, buttonClasses } from "../ui/button.tsx";
import { Kbd } from "../ui/kbd.tsx";
import { useShortcut } from "../ui/use-shortcut.ts";
import { DeleteEntity } from "./delete-entity.tsx";
import { HealthBadge } from "./health-badge.tsx";
import { OnCallList } from "./on-call-list.tsx";
import { PagingRouteCard } from "../paging/paging-route-card.tsx";
import { TeamForm } from "./team-form.tsx";
import { TierBadge } from "./tier-badge.tsx";
import { useCatalogLive } from "./use-catalog-live.ts";

/** On-call entries naming (by email) people who cannot be reached in Warroom yet or any more. */
function notReachable(t: TeamDetailDto, people: MemberDto[]): Record<string, "invited" | "deactivated"> {
  const byEmail: Record<string, "invited" | "deactivated"> = {};
  for (const p of [...people, ...t.members]) if (p.status !== "active") byEmail[p.email.toLowerCase()] = p.status;
  return byEmail;
}

export function TeamDetail({ team: t, people, canEdit }: { team: TeamDetailDto; people: MemberDto[]; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  useCatalogLive();
  useShortcut("e", () => canEdit && setEditing(true));

  return (
    <main className="mx-auto w-full max-w-[1400px] space-y-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
        <div className="min-w-0 space-y-1">
          <p className="text-sm text-ink-muted">
            <Link href="/catalog" className="hover:underline">
              Catalog
            </Link>{" "}
            / Teams
          </p>
          <h1 className="text-2xl font-semibold break-words">{t.name}</h1>
          <p className="text-sm text-ink-muted">
            {t.chatChannel ? <span className="font-mono text-ink">{t.chatChannel}</span> : "No chat channel"} ·{" "}
            {t.services.length === 1 ? "1 service" : `${t.services.length} services`} ·{" "}
            {t.members.length === 1 ? "1 member" : `${t.members.length} members`}
          </p>
        </div>
        {canEdit && !editing ? (
          <Button size="sm" variant="secondary" className="ml-auto" onClick={() => setEditing(true)}>
            Edit <Kbd>E</Kbd>
          </Button>
        ) : null}
      </div>

      {editing ? (
        <section aria-label="Edit team" className="rounded-lg border border-accent/40 bg-surface p-4 sm:p-5">
          <TeamForm team={t} people={people} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </section>
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_340px]">
          <div className="min-w-0 space-y-6">
            <p className={t.description ? "text-ink" : "text-ink-faint"}>{t.description || "No description yet."}</p>
            <OwnedServices team={t} canEdit={canEdit} />
          </div>
          <aside className="space-y-4" aria-label="Who to call">
            <section aria-labelledby="oncall-heading" className="space-y-3 rounded-lg border border-line bg-surface p-4">
              <h2 id="oncall-heading" className="text-xs font-semibold uppercase tracking-wide text-ink-muted">
                Who to call
              </h2>
              <OnCallList onCall={t.onCall} escalation={t.escalationContact} notReachable={notReachable(t, people)} />
            </section>
            <PagingRouteCard teamId={t.id} teamName={t.name} canEdit={canEdit} />
            <section aria-labelledby="members-heading" className="space-y-2 rounded-lg border border-line bg-surface p-4">
              <h2 id="members-heading" className="text-xs font-semibold uppercase tracking-wide text-ink-muted">
                Members
              </h2>
              {t.members.length ? (
                <ul className="space-y-1 text-sm">
                  {t.members.map((m) => (
                    <li key={m.id} className="flex items-baseline justify-between gap-2">
                      <span>
                        {m.name}
                        {m.status !== "active" ? <MemberStatus status={m.status} /> : null}
                      </span>
                      <span className="text-xs text-ink-faint">{ROLE_LABELS[m.role]}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-ink-muted">No Warroom users in this team yet.</p>
              )}
            </section>
            {canEdit ? (
              t.services.length ? (
                <p className="text-xs text-ink-muted">
                  To delete this team, give its {t.services.length === 1 ? "service" : `${t.services.length} services`} another owner first.
                </p>
              ) : (
                <DeleteEntity
                  what="team"
                  name={t.name}
                  url={`/api/teams/${t.id}`}
                  consequence="Its on-call list and memberships go with it."
                />
              )
            ) : null}
          </aside>
        </div>
      )}
    </main>
  );
}

function OwnedServices({ team: t, canEdit }: { team: TeamDetailDto; canEdit: boolean }) {
  return (
    <section aria-labelledby="owned-heading" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="owned-heading" className="font-semibold">
          Owns
        </h2>
        {canEdit ? (
          <Link href={`/catalog/services/new?teamId=${t.id}`} className={buttonClasses("secondary", "sm")}>
            New service for {t.name}
          </Link>
        ) : null}
      </div>
      {t.services.length ? (
        <ul className="divide-y divide-line rounded-lg border border-line">
          {t.services.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
              <TierBadge tier={s.tier} />
              <Link href={`/catalog/services/${s.id}`} className="font-medium hover:underline">
                {s.name}
              </Link>
              <span className="text-xs text-ink-muted">{SERVICE_KIND_LABELS[s.kind]}</span>
              <HealthBadge health={s.health} className="ml-auto" />
            </li>
          ))}
        </ul>
      ) : (
        <p className="rounded-md border border-dashed border-line px-3 py-3 text-sm text-ink-muted">This team owns no services yet.</p>
      )}
    </section>
  );
}
