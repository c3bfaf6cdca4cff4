import { importCatalog } from "@/lib/catalog/io/import.ts";
import { IMPORT_FORMATS, IMPORT_MODES, type ImportFormat, type ImportMode } from "@/lib/catalog/io/import-types.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { authedRoute, json, readText } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

const MAX_FILE_BYTES = 5 * 1024 * 1024;
// JSON and YAML are both read by the YAML parser; the type only has to say "a text file".
const TEXT_TYPES = ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

function invalid(field: string, message: string): AppError {
  return new AppError("validation_failed", `Invalid input — ${field}: ${message}`, { fields: [{ field, message }] });
}

/**
 * POST the raw file (Warroom JSON/YAML or Backstage catalog-info.yaml) as the body.
 * `?format=warroom|backstage` (default: detected), `?dryRun=1` to check without writing,
 * `?mode=add-update` to create and change without removing anything.
 */
export const POST = authedRoute(async ({ req, actor }) => {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && !TEXT_TYPES.includes(type)) {
    throw new AppError("bad_request", "Send the file itself as the body, with Content-Type application/json, application/yaml or text/yaml");
  }
  const params = req.nextUrl.searchParams;
  const format = params.get("format") ?? "auto";
  if (format !== "auto" && !(IMPORT_FORMATS as readonly string[]).includes(format)) throw invalid("format", "must be auto, warroom or backstage");
  const dryRunParam = params.get("dryRun") ?? "0";
  if (!["0", "1", "true", "false"].includes(dryRunParam)) throw invalid("dryRun", "must be 1 or 0");
  const mode = params.get("mode") ?? "merge";
  if (!(IMPORT_MODES as readonly string[]).includes(mode)) throw invalid("mode", "must be merge or add-update");
  const text = await readText(req, MAX_FILE_BYTES, "5 MB");
  const result = await importCatalog(actor, text, {
    format: format === "auto" ? undefined : (format as ImportFormat),
    dryRun: dryRunParam === "1" || dryRunParam === "true",
    mode: mode as ImportMode,
  });
  return json(result);
});
