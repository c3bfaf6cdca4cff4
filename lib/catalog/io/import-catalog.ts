import { recordAudit } from "../../audit/record-audit.ts";
import { assertCan, type Actor } from "../../auth/actor.ts";
import { db } from "../../db/client.ts";
import type { Prisma } from "../../db/generated/client.ts";
import { AppError } from "../../errors/app-error.ts";
import { publishCatalogChanged } from "../../realtime/emit.ts";
import { applyPlan } from "./apply-plan.ts";
import { mapBackstage } from "./backstage.ts";
import { checkDraft, sortIssues } from "./check-draft.ts";
import type { ImportErrorDetails, ImportFormat, ImportIssue, ImportMode, ImportResultDto } from "./import-types.ts";
import { loadSnapshot } from "./load-snapshot.ts";
import { planImport } from "./plan-import.ts";
import { parseSource, type SourceDoc } from "./source.ts";
import { readWarroomFile } from "./warroom-reader.ts";
import { longTxOptions } from "../../db/transaction-options.ts";

export interface ImportOptions {
  /** Omitted: told from the content (Backstage documents have apiVersion/kind/metadata). */
  format?: ImportFormat;
  /** Validate and return the plan without writing anything. */
  dryRun?: boolean;
  /** "add-update": create and change, never remove. */
  mode?: ImportMode;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function detectFormat(docs: SourceDoc[]): ImportFormat | null {
  const values = docs.map((d) => d.value).filter(isObject);
  if (
    values.some(
      (v) =>
        (typeof v.apiVersion === "string" && v.apiVersion.startsWith("backstage.io/")) ||
        (typeof v.kind === "string" && isObject(v.metadata)),
    )
  )
    return "backstage";
  if (values.some((v) => "version" in v || "teams" in v || "services" in v || "format" in v)) return "warroom";
  return null;
}

function rejected(issues: ImportIssue[], warnings: ImportIssue[] = []): AppError {
  const preview = issues
    .slice(0, 3)
    .map((i) => `line ${i.line}${i.name ? ` (${i.name})` : ""}: ${i.message}`)
    .join("; ");
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : "";
  const details: ImportErrorDetails & { warnings: ImportIssue[] } = {
    entities: issues,
    fields: issues.map((i) => ({ field: i.field, message: i.message })),
    warnings,
  };
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return new AppError("validation_failed", `The file has ${count}; nothing was imported — ${preview}${more}`, details);
}

/** Thrown to roll a dry run back after it wrote everything the import would. */
class DryRunDone extends Error {
  constructor(readonly result: ImportResultDto) {
    super("dry run rolled back");
  }
}

/**
 * A dry run is the import itself, rolled back: the same checks, the same writes and the same
 * database constraints, so a dry run that passes means the import succeeds (issue #16).
 */
async function dryRun(
  inTransaction: (fn: (tx: Prisma.TransactionClient) => Promise<ImportResultDto>) => Promise<ImportResultDto>,
  run: (tx: Prisma.TransactionClient) => Promise<ImportResultDto>,
): Promise<ImportResultDto> {
  try {
    await inTransaction(async (tx) => {
      throw new DryRunDone(await run(tx));
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
  throw new Error("unreachable: a dry run always rolls back");
}

/**
 * Imports a catalog file (Warroom JSON/YAML or Backstage catalog-info.yaml). Everything is
 * checked before anything is written, every bad entity is reported with its line, and the
 * writes happen in one transaction: a failed import changes nothing.
 */
export async function importCatalog(actor: Actor, text: string, options: ImportOptions = {}): Promise<ImportResultDto> {
  assertCan(actor, "catalog:edit");
  const source = parseSource(text);
  if (source.errors.length) throw rejected(sortIssues(source.errors));
  if (!source.docs.length) throw rejected([{ name: "", kind: "file", line: 1, field: "(file)", message: "the file is empty" }]);
  const format = options.format ?? detectFormat(source.docs);
  if (!format) {
    throw rejected([
      {
        name: "",
        kind: "file",
        line: source.docs[0]?.line ?? 1,
        field: "format",
        message:
          "this is neither a Warroom catalog (version, teams, services) nor Backstage entities (apiVersion, kind, metadata); choose the format",
      },
    ]);
  }
  const draft = format === "warroom" ? readWarroomFile(source.docs) : mapBackstage(source.docs);

  const run = async (client: Prisma.TransactionClient): Promise<ImportResultDto> => {
    const snapshot = await loadSnapshot(client, actor.organizationId);
    const checked = checkDraft(draft, {
      teams: [...snapshot.teams.keys()],
      services: [...snapshot.services.keys()],
      userEmails: [...snapshot.users.keys()],
    });
    if (!checked.ok) throw rejected(checked.issues, checked.warnings);
    const mode = options.mode ?? "merge";
    const plan = planImport(checked.catalog, snapshot, mode);
    const result: ImportResultDto = {
      format,
      dryRun: Boolean(options.dryRun),
      ...plan.counts,
      mode,
      changes: plan.changes,
      warnings: checked.warnings,
    };
    await applyPlan(client, actor.organizationId, plan, snapshot);
    await recordAudit(client, actor, {
      action: "catalog.import",
      entityType: "catalog",
      entityId: actor.organizationId,
      after: {
        format,
        mode,
        teams: plan.counts.teams,
        services: plan.counts.services,
        dependencies: plan.counts.dependencies,
        warnings: checked.warnings.length,
        changes: plan.changes.slice(0, 500),
      },
    });
    return result;
  };

  // Big files mean many rows: allow more than the default 5 s, still bounded.
  const inTransaction = (fn: (tx: Prisma.TransactionClient) => Promise<ImportResultDto>) => db().$transaction(fn, longTxOptions(120_000));
  if (options.dryRun) return dryRun(inTransaction, run);
  const result = await inTransaction(run);
  // One push for the whole import, after commit: catalog views and the map refetch once.
  const { teams, services, dependencies } = result;
  if (
    teams.create + teams.update + services.create + services.update + dependencies.create + dependencies.update + dependencies.remove >
    0
  ) {
    publishCatalogChanged(actor.organizationId, { entity: "catalog", action: "imported", id: actor.organizationId });
  }
  return result;
}
