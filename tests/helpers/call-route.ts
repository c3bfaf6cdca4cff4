import { NextRequest } from "next/server";
import { request } from "node:http";

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

/**
 * The same request over HTTP to a running server (the routes server.ts answers itself, before
 * Next): the headers go out exactly as given, with none added.
 */
export function callHttp(
  baseUrl: string,
  init: { method?: string; path: string; headers?: Record<string, string>; body?: unknown },
): Promise<RouteAnswer> {
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  const headers = { ...(body === undefined ? {} : { "content-type": "application/json" }), ...init.headers };
  return new Promise((resolve, reject) => {
    const req = request(new URL(init.path, baseUrl), { method: init.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const answerHeaders = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") answerHeaders.set(k, v);
        const isJson = (res.headers["content-type"] ?? "application/json").includes("json");
        resolve({
          status: res.statusCode ?? 0,
          body: text ? (isJson ? (JSON.parse(text) as unknown) : text) : null,
          headers: answerHeaders,
        });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}
