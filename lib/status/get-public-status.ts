import { STATUS_CACHE_MS, type PublicStatusDto } from "./public-status-dto.ts";
import { loadPublicStatus } from "./load-public-status.ts";

const cache = new Map<string, { expires: number; value: Promise<PublicStatusDto | null> }>();

/** loadPublicStatus, shared for a few seconds per organisation (the page and the API use it). */
export function getPublicStatus(slug: string | null): Promise<PublicStatusDto | null> {
  const key = slug ?? "";
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = loadPublicStatus(slug);
  cache.set(key, { expires: now + STATUS_CACHE_MS, value });
  // A failed read is not cached: the next visitor tries again.
  value.catch(() => cache.delete(key));
  if (cache.size > 1000) for (const [k, v] of cache) if (v.expires <= now) cache.delete(k);
  return value;
}
