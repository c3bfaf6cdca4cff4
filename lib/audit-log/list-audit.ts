import { z } from "zod";
import { readPrincipalMark, type ApiTokenRef } from "../audit/audit-principal.ts";
import { assertCan, type Actor } from "../auth/actor.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { ZInstant } from "../validation/time.ts";

export interface AuditEntryDto {
  id: string;
  at: string;
  actor: { id: string; name: string; email: string } | null;
  /** The API token the actor used; null for a browser session, an alert or the system. */
  apiToken: ApiTokenRef | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export const AUDIT_PAGE_MAX = 500;

export const ZAuditQuery = z.object({
  // "incident" matches incident.update, incident.role…; "incident.role" matches only that.
  action: z.string().trim().max(80, "action must be at most 80 characters").optional(),
  entityType: z.string().trim().max(40, "entityType must be at most 40 characters").optional(),
  entityId: z.string().trim().max(80, "entityId must be at most 80 characters").optional(),
  actorId: z.uuid("actorId must be a user id").optional(),
  from: ZInstant("from").optional(),
  to: ZInstant("to").optional(),
  // Keyset paging: entries strictly older than this entry id's timestamp/id pair.
  before: z.uuid("before must be an audit entry id").optional(),
  limit: z.coerce
    .number()
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(AUDIT_PAGE_MAX, `limit must be at most ${AUDIT_PAGE_MAX}`)
    .default(100),
});
export type TAuditQuery = z.input<typeof ZAuditQuery>;

function whereOf(actor: Actor, q: z.output<typeof ZAuditQuery>): Prisma.AuditLogWhereInput {
  const action = q.action ? (q.action.includes(".") ? { equals: q.action } : { startsWith: `${q.action}.` }) : undefined;
  return {
    organizationId: actor.organizationId,
    ...(action ? { action } : {}),
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: new Date(q.to) } : {}) } } : {}),
  };
}

/** The organisation's audit log, newest first; admins only. */
export async function listAudit(actor: Actor, raw: unknown): Promise<{ entries: AuditEntryDto[]; hasMore: boolean }> {
  assertCan(actor, "org:admin");
  const q = ZAuditQuery.parse(raw);
  const where = whereOf(actor, q);
  if (q.before) {
    const anchor = await db().auditLog.findFirst({
      where: { id: q.before, organizationId: actor.organizationId },
      select: { createdAt: true, id: true },
    });
    if (anchor) {
      where.OR = [{ createdAt: { lt: anchor.createdAt } }, { createdAt: anchor.createdAt, id: { lt: anchor.id } }];
    }
  }
  const rows = await db().auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  return {
    hasMore: rows.length > q.limit,
    entries: rows.slice(0, q.limit).map((r) => {
      // The token's mark is shown as "how", beside the actor, not as a changed field.
      const { after, apiToken } = readPrincipalMark(r.after);
      return {
        id: r.id,
        at: r.createdAt.toISOString(),
        actor: r.actor,
        apiToken,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before,
        after,
      };
    }),
  };
}

/** The distinct actions and entity types seen, for the filter pickers. */
export async function auditFacets(actor: Actor): Promise<{ actions: string[]; entityTypes: string[] }> {
  assertCan(actor, "org:admin");
  const [actions, types] = await Promise.all([
    db().auditLog.findMany({
      where: { organizationId: actor.organizationId },
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
    db().auditLog.findMany({
      where: { organizationId: actor.organizationId },
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
    }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: types.map((t) => t.entityType) };
}

const CSV_COLUMNS = ["at", "actor", "actorEmail", "apiToken", "action", "entityType", "entityId", "before", "after"] as const;

function csvCell(value: string): string {
  // Cells starting with = + - @ are formulas to a spreadsheet: prefix them so they stay text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Pure: the entries as CSV (RFC 4180), safe to open in a spreadsheet. */
export function auditToCsv(entries: AuditEntryDto[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const e of entries) {
    const cells = [
      e.at,
      e.actor?.name ?? "system",
      e.actor?.email ?? "",
      e.apiToken ? `${e.apiToken.name} (${e.apiToken.prefix}…)` : "",
      e.action,
      e.entityType,
      e.entityId,
      e.before === null ? "" : JSON.stringify(e.before),
      e.after === null ? "" : JSON.stringify(e.after),
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
