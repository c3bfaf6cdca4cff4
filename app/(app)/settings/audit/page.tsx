import type { Metadata } from "next";
import { AuditLogView } from "@/components/settings/audit/audit-log-view.tsx";
import { auditFacets, listAudit } from "@/lib/audit-log/list-audit.ts";
import { getPageActor } from "@/lib/server/page-actor.ts";
import { can } from "@/lib/auth/permissions.ts";
import { listMembers } from "@/lib/users/list-members.ts";

export const metadata: Metadata = { title: "Audit log · Settings" };

export default async function AuditLogPage() {
  const actor = await getPageActor("/settings/audit");
  if (!can(actor.role, "org:admin")) {
    return (
      <p className="rounded-md border border-line bg-surface p-4 text-sm text-ink-muted">
        The audit log is visible to admins only. Ask an admin of your organisation if you need a record of a change.
      </p>
    );
  }
  const [first, facets, members] = await Promise.all([
    listAudit(actor, {}),
    auditFacets(actor),
    listMembers(actor, { includeDeactivated: true }),
  ]);
  return <AuditLogView initial={first} facets={facets} members={members.map((m) => ({ id: m.id, name: m.name }))} />;
}
