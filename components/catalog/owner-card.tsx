import Link from "next/link";
import type { ServiceDetailDto } from "@/lib/catalog/catalog-dto.ts";
import { OnCallList } from "./on-call-list.tsx";

/** Who to call about this service, in the order to call them. */
export function OwnerCard({ team }: { team: ServiceDetailDto["team"] }) {
  return (
    <section aria-labelledby="owner-heading" className="space-y-3 rounded-lg border border-line bg-surface p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="owner-heading" className="text-xs font-semibold uppercase tracking-wide text-ink-muted">
          Owner
        </h2>
        {team.chatChannel ? <span className="truncate font-mono text-xs text-ink-muted">{team.chatChannel}</span> : null}
      </div>
      <Link href={`/catalog/teams/${team.id}`} className="block text-lg font-semibold hover:underline">
        {team.name}
      </Link>
      <OnCallList onCall={team.onCall} escalation={team.escalationContact} />
    </section>
  );
}
