import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { resolveActor, type Actor } from "../auth/actor.ts";
import type { ApiTokenScopeName } from "../auth/api-token-schemas.ts";
import { authenticateBearer } from "../auth/api-tokens.ts";
import { userIdFromCookieHeader } from "../auth/session-token.ts";
import { AppError, forbidden } from "../errors/app-error.ts";
import { toAppError } from "../errors/to-app-error.ts";
import { errorFields, log } from "../log.ts";
import { isSameOriginWrite } from "./same-origin.ts";

const MAX_BODY_BYTES = 1024 * 1024;

interface Context<P> {
  req: NextRequest;
  params: P;
  requestId: string;
}

type RouteContext<P> = { params: Promise<P> };

export function json(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status });
}

function errorResponse(error: unknown, req: NextRequest, requestId: string): NextResponse {
  const appError = toAppError(error);
  if (appError.code === "unavailable") {
    // Expected while the database is away: one line each, no stack, so the outage stays readable.
    log.warn("request refused: database unreachable", { requestId, method: req.method, path: req.nextUrl.pathname });
  } else if (appError.status >= 500) {
    log.error("request failed", { requestId, method: req.method, path: req.nextUrl.pathname, ...errorFields(error) });
  }
  const res = NextResponse.json(appError.toBody(), { status: appError.status });
  res.headers.set("x-request-id", requestId);
  const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (appError.code === "rate_limited" && typeof retryAfter === "number") res.headers.set("retry-after", String(retryAfter));
  return res;
}

/** Parses a JSON body with a size cap; bad JSON is a 400 that says so, never a 500. */
export async function readJson(req: NextRequest): Promise<unknown> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError("payload_too_large", "Request body is larger than 1 MB");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new AppError("payload_too_large", "Request body is larger than 1 MB");
  }
  if (text.trim() === "") throw new AppError("bad_request", "Request body must be a JSON object");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request", "Request body is not valid JSON");
  }
}

/** Reads a raw text body (an uploaded file) with a size cap; `limitLabel` names it in the 413. */
export async function readText(req: NextRequest, maxBytes: number, limitLabel: string): Promise<string> {
  const tooLarge = () => new AppError("payload_too_large", `Request body is larger than ${limitLabel}`);
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  return text;
}

/** A route that needs no session (health checks). Errors still get the one error shape. */
export function publicRoute<P = Record<string, never>>(fn: (ctx: Context<P>) => Promise<Response>) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    const requestId = randomUUID();
    try {
      return await fn({ req, params: await route.params, requestId });
    } catch (error) {
      return errorResponse(error, req, requestId);
    }
  };
}

/**
 * A route that needs a signed-in user (session cookie) or an API token (`Authorization: Bearer
 * wr_…`): 401 JSON without one. `tokenScope` is null for sessions. Permission checks live in lib/.
 */
export function authedRoute<P = Record<string, never>>(
  fn: (ctx: Context<P> & { actor: Actor; tokenScope: ApiTokenScopeName | null }) => Promise<Response>,
) {
  return publicRoute<P>(async (ctx) => {
    const authorization = ctx.req.headers.get("authorization");
    if (authorization !== null) {
      const { actor, scope } = await authenticateBearer(authorization, ctx.req.method);
      return fn({ ...ctx, actor, tokenScope: scope });
    }
    const userId = await userIdFromCookieHeader(ctx.req.headers.get("cookie"));
    if (!userId) throw new AppError("unauthorized", "Sign in to continue");
    const h = ctx.req.headers;
    const sameOrigin = isSameOriginWrite({
      method: ctx.req.method,
      origin: h.get("origin"),
      secFetchSite: h.get("sec-fetch-site"),
      host: h.get("host"),
      publicUrl: process.env.NEXTAUTH_URL,
    });
    if (!sameOrigin) throw forbidden("This change came from another site; make it from Warroom itself");
    const actor = await resolveActor(userId);
    return fn({ ...ctx, actor, tokenScope: null });
  });
}
