import type { Metadata } from "next";
import Link from "next/link";
import { LibraryFiltersForm } from "@/components/postmortems/library/library-filters-form.tsx";
import { PostmortemTable } from "@/components/postmortems/library/postmortem-table.tsx";
import { cn } from "@/components/ui/cn.ts";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listServices } from "@/lib/catalog/list-services.ts";
import { listTeams } from "@/lib/catalog/list-teams.ts";
import { listPostmortems } from "@/lib/postmortems/list-postmortems.ts";
import { listMembers } from "@/lib/users/list-members.ts";
import { ZLibraryFilters, type LibraryStatus } from "@/lib/postmortems/library-filters.ts";

export const metadata: Metadata = { title: "Post-mortems" };

const TABS: { status: LibraryStatus; label: string }[] = [
  { status: "published", label: "Published" },
  { status: "in_review", label: "In review" },
  { status: "draft", label: "Drafts" },
];

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PostmortemLibraryPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getPageActor("/postmortems");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ZLibraryFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : ZLibraryFilters.parse({});
  // Drafts and reviews are listed to those who write post-mortems (listPostmortems checks the same).
  const isWriter = can(actor.role, "postmortem:write");
  const status = isWriter ? (filters.status ?? "published") : "published";
  const [list, services, teams, users] = await Promise.all([
    listPostmortems(actor, { ...filters, status }),
    listServices(actor),
    listTeams(actor),
    listMembers(actor),
  ]);
  const owners = { users: users.map(({ id, name }) => ({ id, name })), teams: teams.map(({ id, name }) => ({ id, name })) };
  const isFiltered = Boolean(
    filters.q || filters.severity || filters.serviceId || filters.teamId || filters.journey || filters.from || filters.to,
  );

  return (
    <main className="mx-auto w-full min-w-0 max-w-[1400px] space-y-5 p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <h1 className="text-xl font-semibold">Post-mortems</h1>
        <span className="text-sm text-ink-muted tabular" data-testid="postmortem-count">
          {list.postmortems.length} {list.postmortems.length === 1 ? "post-mortem" : "post-mortems"}
        </span>
        {isWriter ? (
          <nav aria-label="Post-mortem status" className="ml-auto flex gap-1 rounded-md border border-line p-0.5 text-sm">
            {TABS.map((t) => (
              <Link
                key={t.status}
                href={t.status === "published" ? "/postmortems" : `/postmortems?status=${t.status}`}
                aria-current={status === t.status ? "page" : undefined}
                className={cn("rounded px-3 py-1", status === t.status ? "bg-raised text-ink" : "text-ink-muted hover:text-ink")}
              >
                {t.label}
              </Link>
            ))}
          </nav>
        ) : null}
      </div>
      {parsed.success ? null : (
        <p role="alert" className="text-sm text-sev1">
          Some filters were not understood and were left out: {parsed.error.issues.map((i) => i.message).join("; ")}
        </p>
      )}
      <LibraryFiltersForm
        key={JSON.stringify(filters)}
        filters={{ ...filters, status: status === "published" ? undefined : status }}
        services={services}
        teams={teams}
      />
      {list.postmortems.length ? (
        <PostmortemTable
          postmortems={list.postmortems}
          currency={list.currency}
          canEdit={can(actor.role, "action-item:edit")}
          owners={owners}
        />
      ) : isFiltered ? (
        <div className="rounded-lg border border-dashed border-line p-8 text-center">
          <p className="font-medium">No post-mortems match.</p>
          <p className="mt-1 text-ink-muted">
            Try fewer words or a wider date range, or{" "}
            <Link href={status === "published" ? "/postmortems" : `/postmortems?status=${status}`} className="text-accent hover:underline">
              clear the filters
            </Link>
            .
          </p>
        </div>
      ) : (
        <div className="rounded-lg border border-dashed border-line p-10 text-center">
          <p className="text-lg font-medium">{status === "published" ? "No published post-mortems yet." : "Nothing here right now."}</p>
          <p className="mt-1 text-ink-muted">
            After an incident is resolved, draft its blameless post-mortem from the incident room: the timeline, impact and notifications
            are filled in for you. Once reviewed and published it appears here for everyone.
          </p>
        </div>
      )}
    </main>
  );
}
