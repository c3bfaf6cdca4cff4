import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { NextRequest } from "next/server";

// Finds the HTTP API the way Next does, from the route files, so the authorization matrix covers
// the routes that exist rather than the ones someone remembered to list.

/** The app router's root of this repository. */
export const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app");

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteParams = Record<string, string | string[]>;
export type RouteHandler = (req: NextRequest, route: { params: Promise<RouteParams> }) => Promise<Response>;

export interface DiscoveredRoute {
  /** As Next names it, dynamic segments kept: "/api/incidents/[id]/events/[seq]". */
  path: string;
  file: string;
  /** The HTTP methods the module exports a handler for, in HTTP_METHODS order. */
  methods: HttpMethod[];
  handlers: Partial<Record<HttpMethod, RouteHandler>>;
}

const ROUTE_FILE = /^route\.(ts|tsx|js|mjs)$/;

/** Every route file under `dir`, sorted, so failures list routes in a stable order. */
export function findRouteFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...findRouteFiles(full));
    else if (ROUTE_FILE.test(entry.name)) files.push(full);
  }
  return files.sort();
}

/**
 * The URL path of a route file under `appDir` (the app router's root). Route groups "(x)" add no
 * segment; private folders "_x" hold no routes, so a route file in one is a mistake worth seeing.
 */
export function routePathOf(appDir: string, file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** The exported HTTP method handlers of a route module. */
export function methodsOf(mod: Record<string, unknown>): Partial<Record<HttpMethod, RouteHandler>> {
  const handlers: Partial<Record<HttpMethod, RouteHandler>> = {};
  for (const method of HTTP_METHODS) {
    const value = mod[method];
    if (typeof value === "function") handlers[method] = value as RouteHandler;
  }
  return handlers;
}

/**
 * Imports every route handler module of the app (not only under app/api: a /metrics or a status
 * route elsewhere is HTTP API too) and reads which methods it answers.
 */
export async function discoverRoutes(appDir: string): Promise<DiscoveredRoute[]> {
  const routes: DiscoveredRoute[] = [];
  for (const file of findRouteFiles(appDir)) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const handlers = methodsOf(mod);
    routes.push({ path: routePathOf(appDir, file), file, methods: HTTP_METHODS.filter((m) => handlers[m]), handlers });
  }
  return routes;
}

export const routeKey = (method: string, routePath: string) => `${method} ${routePath}`;

/** "/api/incidents/[id]" → "/api/incidents/{id}", as OpenAPI writes paths. */
export const openApiPath = (routePath: string) => routePath.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");

/** Route files that are not operations of Warroom's API, deliberately, and why. */
export const NOT_API_OPERATIONS: Readonly<Record<string, string>> = {
  // next-auth's own protocol (csrf, callback/credentials, session, signout): described in the
  // document's authentication text and the sessionCookie scheme, not Warroom's to specify.
  "/api/auth/[...nextauth]": "next-auth's sign-in endpoints",
  // Answers 404 in the API's error shape for paths no route has: the absence of an operation.
  "/api/[...path]": "the not-found catch-all",
};

/** The dynamic segments of a route path: "/api/incidents/[id]/events/[seq]" → ["id", "seq"]. */
export function paramNamesOf(routePath: string): string[] {
  return [...routePath.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1]!);
}

/** A concrete URL path for a route: "[id]" replaced by params.id, "[...path]" by its joined parts. */
export function fillRoutePath(routePath: string, params: RouteParams): string {
  return routePath.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_, _rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${routePath}: no value for [${name}]`);
    return (Array.isArray(value) ? value : [value]).map(encodeURIComponent).join("/");
  });
}

/**
 * What the table and the tree disagree on, one sentence each: a route/method nobody specified
 * (a new route must say who may call it) or a specified one that no longer exists.
 */
export function coverageProblems(discovered: readonly string[], specified: readonly string[]): string[] {
  const found = new Set(discovered);
  const listed = new Set(specified);
  return [
    ...[...found].filter((k) => !listed.has(k)).map((k) => `${k} exists but the authorization matrix does not say who may call it`),
    ...[...listed].filter((k) => !found.has(k)).map((k) => `${k} is in the authorization matrix but no route answers it`),
  ].sort();
}
