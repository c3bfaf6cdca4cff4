import Link from "next/link";
import type { TeamDto } from "@/lib/catalog/catalog-dto.ts";

export function TeamsList({ teams, canEdit }: { teams: TeamDto[]; canEdit: boolean }) {
  return (
    <section aria-labelledby="teams-heading" className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h2 id="teams-heading" className="text-sm font-semibold uppercase tracking-wide text-ink-muted">
          Teams · on call
        </h2>
        <span className="text-xs text-ink-faint tabular">{teams.length}</span>
      </div>
      {teams.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line p-4 text-sm text-ink-muted">
          {canEdit ? "No teams yet. Every service needs an owner: create the teams first." : "No teams yet."}
        </p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface">
          {teams.map((t) => (
            <li key={t.id} className="space-y-1 px-3 py-2.5" data-testid="team-card">
              <div className="flex items-baseline justify-between gap-2">
                <Link href={`/catalog/teams/${t.id}`} className="font-medium text-ink hover:underline">
                  {t.name}
                </Link>
                {t.chatChannel ? <span className="truncate font-mono text-xs text-ink-muted">{t.chatChannel}</span> : null}
              </div>
              {t.onCall[0] ? (
                <p className="text-xs text-ink">
                  <span className="text-ink-muted">On call: </span>
                  {t.onCall[0]}
                  {t.onCall.length > 1 ? <span className="text-ink-faint"> +{t.onCall.length - 1}</span> : null}
                </p>
              ) : (
                <p className="text-xs font-medium text-warn">
                  <span aria-hidden>! </span>No on-call contact
                </p>
              )}
              <p className="text-xs text-ink-faint tabular">
                {t.serviceCount === 1 ? "1 service" : `${t.serviceCount} services`} ·{" "}
                {t.members.length === 1 ? "1 member" : `${t.members.length} members`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
