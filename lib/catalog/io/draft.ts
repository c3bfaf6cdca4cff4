import type { ImportFormat, ImportIssue } from "./import-types.ts";
import type { Path } from "./source.ts";

/**
 * One team or service read from a file, not yet validated: `value` has the Warroom format's
 * shape (ZCatalogTeam / ZCatalogService), whatever the file's format, so both formats share
 * one set of rules and one error report.
 */
export interface DraftEntity {
  /** As the user knows it: "team"/"service", or the Backstage kind. */
  kind: string;
  /** The name to report, as the file writes it (Backstage: metadata.name); "" when none. */
  name: string;
  line: number;
  value: Record<string, unknown>;
  /** Where a field of `value` was written, as a line and as a path in the file. */
  locate(path: Path): { line: number; field: string };
  /** How the file wrote a reference, for messages ("group:default/payments"). */
  labels?: { owner?: string; dependsOn?: string[] };
  /**
   * Fields the reader inferred rather than read (a Backstage spec.type mapped to a kind): used
   * when the import creates the entity, never to change an existing one.
   */
  createOnly?: string[];
}

export interface Draft {
  format: ImportFormat;
  teams: DraftEntity[];
  services: DraftEntity[];
  issues: ImportIssue[];
  warnings: ImportIssue[];
}

export function issueAt(entity: DraftEntity, path: Path, message: string): ImportIssue {
  const { line, field } = entity.locate(path);
  return { name: entity.name, kind: entity.kind, line, field, message };
}
