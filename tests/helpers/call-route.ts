import { NextRequest } from "next/server";

type Handler<P> = (req: NextRequest, route: { params: Promise<P> }) => Promise<Response>;

export interface RouteAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * Calls an app/api route handler the way Next would, without a server: the whole HTTP layer
 * (authentication, error mapping) runs, and the answer comes back as status and parsed JSON (or text).
 */
export async function callRoute<P = Record<string, never>>(
  handler: Handler<P>,
  init: { method?: string; path?: string; params?: P; headers?: Record<string, string>; body?: unknown },
): Promise<RouteAnswer> {
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const req = new NextRequest(`http://localhost${init.path ?? "/api/test"}`, {
    method: init.method ?? "GET",
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body,
  });
  const res = await handler(req, { params: Promise.resolve((init.params ?? {}) as P) });
  const text = await res.text();
  // Downloads (Markdown, YAML) come back as their text; everything else is the API's JSON.
  const isJson = (res.headers.get("content-type") ?? "application/json").includes("json");
  return { status: res.status, body: text ? (isJson ? (JSON.parse(text) as unknown) : text) : null, headers: res.headers };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
