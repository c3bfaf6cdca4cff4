import { auditToCsv, listAudit, AUDIT_PAGE_MAX, type AuditEntryDto } from "@/lib/audit-log/list-audit.ts";
import { authedRoute, json } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

// Exports stop here; narrower filters (a date range) get the rest.
const EXPORT_MAX = 50_000;

/** GET ?action=&entityType=&entityId=&actorId=&from=&to=&before=&limit= ; &format=csv|json downloads every match. */
export const GET = authedRoute(async ({ req, actor }) => {
  const params = Object.fromEntries(req.nextUrl.searchParams);
  const { format, ...query } = params;
  if (format !== "csv" && format !== "json") return json(await listAudit(actor, query));

  const all: AuditEntryDto[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await listAudit(actor, { ...query, limit: AUDIT_PAGE_MAX, ...(before ? { before } : {}) });
    all.push(...page.entries);
    before = page.entries.at(-1)?.id;
    if (!page.hasMore || !before || all.length >= EXPORT_MAX) break;
  }
  const stamp = new Date().toISOString().slice(0, 10);
  const body = format === "csv" ? auditToCsv(all) : JSON.stringify({ entries: all }, null, 2);
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="warroom-audit-${stamp}.${format}"`,
    },
  });
});
