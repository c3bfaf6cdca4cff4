import { importCatalog } from "@/lib/catalog/io/import-catalog.ts";
import { ZImportQuery } from "@/lib/catalog/io/query-schemas.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { authedRoute, json, readText } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

const MAX_FILE_BYTES = 5 * 1024 * 1024;
// JSON and YAML are both read by the YAML parser; the type only has to say "a text file".
const TEXT_TYPES = ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

/**
 * POST the raw file (Warroom JSON/YAML or Backstage catalog-info.yaml) as the body.
 * `?format=warroom|backstage` (default: detected), `?dryRun=1` to check without writing,
 * `?mode=add-update` to create and change without removing anything.
 */
export const POST = authedRoute(async ({ req, actor }) => {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && !TEXT_TYPES.includes(type)) {
    throw new AppError(
      "bad_request",
      "Send the file itself as the body, with Content-Type application/json, application/yaml or text/yaml",
    );
  }
  const query = ZImportQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  const text = await readText(req, MAX_FILE_BYTES, "5 MB");
  const result = await importCatalog(actor, text, {
    format: query.format === "auto" ? undefined : query.format,
    dryRun: query.dryRun === "1" || query.dryRun === "true",
    mode: query.mode,
  });
  return json(result);
});
