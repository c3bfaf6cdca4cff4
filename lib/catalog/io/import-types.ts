// Client-safe shapes of an import's answer, shared by the API and the import page.

export const IMPORT_FORMATS = ["warroom", "backstage"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One bad (or, for warnings, skipped) entity: enough to find it in the file. */
export interface ImportIssue {
  /** The entity's name as written in the file ("" when the problem is the file itself). */
  name: string;
  /** "team" / "service" in Warroom files; the Backstage kind ("Component", "Group"…); "file". */
  kind: string;
  /** 1-based line in the submitted text. */
  line: number;
  /** Where in the file, e.g. `services.3.owner` or `documents.4.spec.owner`. */
  field: string;
  message: string;
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
}

/** "merge" (default) removes the dependencies a service's list no longer names; "add-update" never removes. */
export const IMPORT_MODES = ["merge", "add-update"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportFieldChange {
  field: string;
  /** null when the entity is created. */
  before: unknown;
  after: unknown;
}

/** One line of the dry run: what happens to one team, service or dependency ("A → B"). */
export interface ImportChange {
  entity: "team" | "service" | "dependency";
  name: string;
  action: "create" | "update" | "remove";
  fields: ImportFieldChange[];
}

export interface ImportResultDto {
  format: ImportFormat;
  /** True when nothing was written: the answer is the plan. */
  dryRun: boolean;
  teams: ImportCounts;
  services: ImportCounts;
  dependencies: ImportCounts & { remove: number };
  mode: ImportMode;
  /** Every entity created, changed or removed, each changed field before → after. */
  changes: ImportChange[];
  /** Things skipped on purpose (unknown kinds, members who are not users…); never a failure. */
  warnings: ImportIssue[];
}

/** The `details` of a 422 from the importer. */
export interface ImportErrorDetails {
  entities: ImportIssue[];
  fields: { field: string; message: string }[];
}
