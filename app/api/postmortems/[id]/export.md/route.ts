import { authedRoute } from "@/lib/http/api-handler.ts";
import { exportPostmortemMarkdown } from "@/lib/postmortems/export-postmortem-markdown.ts";

export const dynamic = "force-dynamic";

/** The latest published revision as a Markdown download. */
export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => {
  const file = await exportPostmortemMarkdown(actor, params.id);
  return new Response(file.body, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
