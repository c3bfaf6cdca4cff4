import { auditPayloadProblem } from "../../lib/audit/audit-catalogue.ts";
import { db } from "../../lib/db/client.ts";

/**
 * Every audit row a test file wrote reads with its action's schemas (lib/audit/audit-catalogue.ts).
 * Run as each file's database closes, so every write path an integration test exercises is checked.
 */
export async function assertAuditRowsCatalogued(): Promise<void> {
  const rows = await db().auditLog.findMany({ select: { action: true, before: true, after: true } });
  const problems = [...new Set(rows.map(auditPayloadProblem).filter((p): p is string => p !== null))];
  if (problems.length) throw new Error(`Audit rows that do not match the audit catalogue:\n${problems.join("\n")}`);
}
