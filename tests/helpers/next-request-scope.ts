import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";

// next-auth's route handler reads the request through next/headers (cookies(), headers()), which
// only work inside the per-request stores Next's server opens. This opens the smallest such scope
// so that route can be called in-process like every other. Next creates its stores when first
// loaded and needs AsyncLocalStorage on globalThis by then (its server sets it at boot): import
// this module before anything that loads next/server.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

interface Store {
  run<T>(store: unknown, fn: () => T): T;
}

const require = createRequire(import.meta.url);
const { workAsyncStorage } = require("next/dist/server/app-render/work-async-storage.external.js") as { workAsyncStorage: Store };
const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external.js") as {
  workUnitAsyncStorage: Store;
};
const { RequestCookies } = require("next/dist/compiled/@edge-runtime/cookies/index.js") as { RequestCookies: new (h: Headers) => unknown };

/** Runs `fn` as Next would inside a request to `route` carrying these headers. */
export function inRequestScope<T>(route: string, headers: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const h = new Headers(headers);
  try {
    return workAsyncStorage.run({ route, forceStatic: false }, () =>
      workUnitAsyncStorage.run({ type: "private-cache", phase: "action", headers: h, cookies: new RequestCookies(h) }, fn),
    );
  } catch (error) {
    throw new Error(`Could not open a Next request scope (was next/server loaded before next-request-scope.ts?): ${String(error)}`);
  }
}
