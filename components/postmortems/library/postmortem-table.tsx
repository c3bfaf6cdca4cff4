import type { OwnerOptions } from "@/components/postmortems/action-items/owner-options.ts";
import type { PostmortemListItemDto } from "@/lib/postmortems/postmortem-list-dto.ts";
import { PostmortemRow } from "./postmortem-row.tsx";

interface Props {
  postmortems: PostmortemListItemDto[];
  currency: string;
  canEdit: boolean;
  owners: OwnerOptions;
}

export function PostmortemTable({ postmortems, currency, canEdit, owners }: Props) {
  return (
    <div className="max-w-full overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-sm">
        <caption className="sr-only">Post-mortems, newest first</caption>
        <thead className="bg-surface text-left text-xs uppercase tracking-wide text-ink-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Post-mortem
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
              Severity
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">
              Published
            </th>
            <th scope="col" className="hidden px-4 py-2 text-right font-medium md:table-cell">
              Duration
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Loss
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              <span className="hidden sm:inline">Open follow-ups</span>
              <span className="sm:hidden">Open</span>
            </th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">
              <span className="sr-only">Export</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {postmortems.map((p) => (
            <PostmortemRow key={p.id} postmortem={p} currency={currency} canEdit={canEdit} owners={owners} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
