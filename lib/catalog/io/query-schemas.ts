// The query strings of the catalog export and import routes. The routes parse them
// and the OpenAPI document describes them from these, so the two cannot disagree; a bad value is
// a 422 naming the parameter, never a 500.
import { z } from "zod";
import { EXPORT_FORMATS } from "./export-catalog.ts";
import { IMPORT_FORMATS, IMPORT_MODES } from "./import-types.ts";

export const ZExportQuery = z.object({ format: z.enum(EXPORT_FORMATS, { error: "must be json or yaml" }).default("json") });
export type TExportQuery = z.output<typeof ZExportQuery>;

export const ZImportQuery = z.object({
  format: z.enum(["auto", ...IMPORT_FORMATS], { error: "must be auto, warroom or backstage" }).default("auto"),
  dryRun: z.enum(["0", "1", "true", "false"], { error: "must be 1 or 0" }).default("0"),
  mode: z.enum(IMPORT_MODES, { error: "must be merge or add-update" }).default("merge"),
});
export type TImportQuery = z.output<typeof ZImportQuery>;
