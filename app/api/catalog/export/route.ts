import { EXPORT_FORMATS, exportCatalog, type ExportFormat } from "@/lib/catalog/io/export.ts";
import { AppError } from "@/lib/errors/app-error.ts";
import { authedRoute } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** GET ?format=json|yaml (default json): the whole catalog as a file download. */
export const GET = authedRoute(async ({ req, actor }) => {
  const format = req.nextUrl.searchParams.get("format") ?? "json";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError("validation_failed", "Invalid input — format: must be json or yaml", { fields: [{ field: "format", message: "must be json or yaml" }] });
  }
  const file = await exportCatalog(actor, format as ExportFormat);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
