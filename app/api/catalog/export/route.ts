import { exportCatalog } from "@/lib/catalog/io/export-catalog.ts";
import { ZExportQuery } from "@/lib/catalog/io/query-schemas.ts";
import { authedRoute } from "@/lib/http/api-handler.ts";

export const dynamic = "force-dynamic";

/** GET ?format=json|yaml (default json): the whole catalog as a file download. */
export const GET = authedRoute(async ({ req, actor }) => {
  const { format } = ZExportQuery.parse(Object.fromEntries(req.nextUrl.searchParams));
  const file = await exportCatalog(actor, format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
