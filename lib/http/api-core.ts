// The API's HTTP rules without a framework: who is calling, the body limit, and the one error
// shape. Next's route handlers (api-handler.ts) and the routes server.ts serves itself
// (direct-routes.ts) both go through these, so a request gets the same answer on either path.
import { resolveActor } from "../auth/resolve-actor.ts";
import { type Actor } from "../auth/actor.ts";
import type { ApiTokenScopeName } from "../auth/api-token-schemas.ts";
import { authenticateBearer } from "../people/api-tokens.ts";
import { sessionFromCookieHeader, type SessionClaims } from "../auth/session-token.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { toAppError } from "../errors/to-app-error.ts";
import { errorFields, log } from "../log.ts";
import { findBadText, textProblem } from "../validation/text.ts";
import { isSameOriginWrite } from "./same-origin.ts";
import { invalidField } from "../errors/field-errors.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/** What authentication needs of a request, whichever server parsed it. */
export interface RequestHead {
  method: string;
  header(name: string): string | null;
}

export interface Caller {
  actor: Actor;
  /** The API token's scope; null for a browser session. */
  tokenScope: ApiTokenScopeName | null;
}

/**
 * A signed-in user (session cookie) or an API token (`Authorization: Bearer wr_…`); 401 without
 * one. Permission checks live in lib/ domain functions.
 */
export async function authenticate(req: RequestHead): Promise<Caller> {
  const authorization = req.header("authorization");
  if (authorization !== null) {
    const { actor, scope } = await authenticateBearer(authorization, req.method);
    return { actor, tokenScope: scope };
  }
  return { actor: await resolveActor(await sessionOf(req)), tokenScope: null };
}

/**
 * The session cookie's claims (401 without a valid one), for a request that must
 * come from Warroom's own pages when it writes (CSRF). Reads no database: the caller resolves
 * the user, or lets a domain function do it inside its own statement.
 */
export async function sessionOf(req: RequestHead): Promise<SessionClaims> {
  const session = await sessionFromCookieHeader(req.header("cookie"));
  if (!session) throw new AppError("unauthorized", "Sign in to continue");
  const sameOrigin = isSameOriginWrite({
    method: req.method,
    origin: req.header("origin"),
    secFetchSite: req.header("sec-fetch-site"),
    host: req.header("host"),
    publicUrl: process.env.NEXTAUTH_URL,
  });
  if (!sameOrigin) throw forbidden("This change came from another site; make it from Warroom itself");
  return session;
}

export const bodyTooLarge = (limitLabel = "1 MB") => new AppError("payload_too_large", `Request body is larger than ${limitLabel}`);

/**
 * A JSON body's text to a value: bad JSON is a 400 that says so, never a 500. A string anywhere in
 * it that is not text (NUL, control characters, a lone surrogate) is a 422 naming its field,
 * whatever the route's schema, so nothing unstorable reaches the database.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") throw new AppError("bad_request", "Request body must be a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
  const bad = findBadText(value);
  if (bad) throw invalidField(bad.field, bad.message);
  return value;
}

/** Query parameters get the same text rule as bodies (a NUL in `?q=` reached Postgres). */
export function checkQueryText(params: URLSearchParams): void {
  for (const [key, value] of params) {
    const problem = textProblem(key, false) ?? textProblem(value, false);
    if (problem) throw invalidField(key, `${key} ${problem}`);
  }
}

export interface ErrorReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Any thrown error as the API's one error shape; logs what is ours to fix, never the user's mistakes. */
export function errorReply(error: unknown, request: { method: string; path: string; requestId: string }): ErrorReply {
  const appError = toAppError(error);
  const { requestId, method, path } = request;
  if (appError.code === "unavailable") {
    // Expected while the database is away: one line each, no stack, so the outage stays readable.
    log.warn("request refused: database unreachable", { requestId, method, path });
  } else if (appError.status >= 500) {
    log.error("request failed", { requestId, method, path, ...errorFields(error) });
  }
  const headers: Record<string, string> = { "x-request-id": requestId };
  const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (appError.code === "rate_limited" && typeof retryAfter === "number") headers["retry-after"] = String(retryAfter);
  return { status: appError.status, body: appError.toBody(), headers };
}
