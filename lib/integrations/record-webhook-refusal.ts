import { z } from "zod";
import { db } from "../db/client.ts";
import { toAppError } from "../errors/to-app-error.ts";
import { errorFields, log } from "../log.ts";
import { EXCERPT_CHARS, refusalExcerpt } from "./refusal-excerpt.ts";

/** The integration page lists this many; older ones are deleted as new ones arrive. */
export const KEPT_REFUSALS = 50;
const LOG_EVERY_MS = 60_000;

/** Per integration: when the last warning was written and how many were held back since. */
const lastWarning = new Map<string, { at: number; held: number }>();

/**
 * Records a webhook request Warroom refused (401 wrong secret, 413 too large, 422 unreadable…)
 * so an operator sees on the integration page why a source's alerts never arrived, and writes
 * a warning log line (at most one a minute per integration, with the count held back). Not
 * recorded: unknown integrations (nothing to attach to), lock-outs (429, already counted) and
 * server errors. Never throws: the sender gets the original answer whatever happens here.
 */
export async function recordWebhookRefusal(integrationId: string, error: unknown, rawBody: string | null): Promise<void> {
  const appError = toAppError(error);
  const { status } = appError;
  if (status < 400 || status >= 500 || status === 404 || status === 429) return;
  if (!z.uuid().safeParse(integrationId).success) return;
  const excerpt = rawBody === null ? "" : refusalExcerpt(rawBody);
  try {
    // The integration's own secret is blanked wherever the body carries it (a query-string
    // secret pasted into a payload); the excerpt is cut after that, so no part of it survives.
    const inserted = await db().$executeRaw`
      INSERT INTO "WebhookRefusal" ("id", "integrationId", "status", "code", "reason", "bodyExcerpt")
      SELECT gen_random_uuid(), i."id", ${status}, ${appError.code}, ${appError.message.slice(0, 500)},
             left(replace(${excerpt}, i."secret", '[redacted]'), ${EXCERPT_CHARS})
      FROM "Integration" i WHERE i."id" = ${integrationId}::uuid`;
    if (inserted === 0) return;
    await db().$executeRaw`
      DELETE FROM "WebhookRefusal" WHERE "integrationId" = ${integrationId}::uuid AND "id" NOT IN (
        SELECT "id" FROM "WebhookRefusal" WHERE "integrationId" = ${integrationId}::uuid ORDER BY "receivedAt" DESC, "id" DESC LIMIT ${KEPT_REFUSALS})`;
  } catch (failure) {
    log.error("could not record a refused webhook request", { integrationId, ...errorFields(failure) });
  }
  warn(integrationId, status, appError.code, appError.message);
}

function warn(integrationId: string, status: number, code: string, reason: string): void {
  const now = Date.now();
  const last = lastWarning.get(integrationId);
  if (last && now - last.at < LOG_EVERY_MS) {
    last.held += 1;
    return;
  }
  log.warn("webhook request refused", { integrationId, status, code, reason, ...(last?.held ? { heldBack: last.held } : {}) });
  lastWarning.set(integrationId, { at: now, held: 0 });
  if (lastWarning.size > 10_000) lastWarning.delete(lastWarning.keys().next().value!);
}
