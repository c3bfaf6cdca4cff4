import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { Actor } from "../auth/actor.ts";
import type { ApiTokenScopeName } from "../auth/api-token-schemas.ts";
import { authenticate, bodyTooLarge, checkQueryText, errorReply, MAX_BODY_BYTES, parseJsonBody } from "./api-core.ts";

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
  const reply = errorReply(error, { requestId, method: req.method, path: req.nextUrl.pathname });
  return NextResponse.json(reply.body, { status: reply.status, headers: reply.headers });
}

/** Parses a JSON body with a size cap; bad JSON is a 400 that says so, never a 500. */
export async function readJson(req: NextRequest): Promise<unknown> {
  return parseJsonBody(await readText(req, MAX_BODY_BYTES, "1 MB"));
}

/**
 * Reads a raw text body (an uploaded file) with a size cap; `limitLabel` names it in the 413. The
 * body is streamed and reading stops at the cap: a chunked upload without Content-Length must
 * not be held in memory whole before it is refused.
 */
export async function readText(req: Request, maxBytes: number, limitLabel: string): Promise<string> {
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw bodyTooLarge(limitLabel);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limitLabel);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A route that needs no session (health checks). Errors still get the one error shape. */
export function publicRoute<P = Record<string, never>>(fn: (ctx: Context<P>) => Promise<Response>) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    const requestId = randomUUID();
    try {
      checkQueryText(req.nextUrl.searchParams);
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
    const { actor, tokenScope } = await authenticate({ method: ctx.req.method, header: (name) => ctx.req.headers.get(name) });
    return fn({ ...ctx, actor, tokenScope });
  });
}
