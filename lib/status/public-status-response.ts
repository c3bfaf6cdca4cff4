import "server-only";
import { notFound } from "../errors/app-error.ts";
import { json } from "../http/api-handler.ts";
import { getPublicStatus } from "./get-public-status.ts";
import { STATUS_CACHE_MS } from "./public-status-dto.ts";

/** GET /api/status[/slug]: public JSON, cacheable by browsers and proxies for a few seconds. */
export async function publicStatusResponse(slug: string | null): Promise<Response> {
  const status = await getPublicStatus(slug);
  if (!status) throw notFound("Status page");
  const res = json(status);
  res.headers.set("cache-control", `public, max-age=${STATUS_CACHE_MS / 1000}`);
  res.headers.set("access-control-allow-origin", "*");
  return res;
}
