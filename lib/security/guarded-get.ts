// A request to a URL a person typed (a service's health check, a notification channel, a pager
// webhook), made so it cannot be turned against our own network: every address is checked against
// lib/security/address-policy.ts when the connection is made (so a name that resolves, or
// re-resolves, to an address the rule refuses is refused: no DNS rebinding), every redirect is
// re-checked the same way, and time and body size are capped.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { addressKind, isAllowedAddress, isAllowedName, refusalReason, type AllowEntry } from "./address-policy.ts";

export type ResolveAll = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Why an address may not be reached (a status line), or null. Health checks refuse anything internal. */
export type AddressRule = (address: string, allow: readonly AllowEntry[]) => string | null;

export interface GuardedGetOptions {
  /** GET unless given; a body goes with POST. */
  method?: "GET" | "POST";
  body?: string;
  /** Defaults to refusing every internal address not allowed (see `internalRefused`). */
  rule?: AddressRule;
  timeoutMs: number;
  maxBytes: number;
  /** Redirects followed (each re-checked); 0 answers with the 3xx itself. */
  maxRedirects: number;
  /** Internal hosts or ranges an administrator allowed (HEALTH_CHECK_ALLOWED_HOSTS). */
  allow: readonly AllowEntry[];
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Tests stand in for DNS here. */
  resolve?: ResolveAll;
}

export type GuardedAnswer =
  | { kind: "response"; status: number; statusText: string; contentType: string | null; retryAfter: string | null; body: string }
  | { kind: "refused"; reason: string }
  | { kind: "error"; error: unknown; timedOut: boolean };

class AddressRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The health checks' rule: nothing internal unless an administrator allowed it. */
export const internalRefused: AddressRule = (host, allow) => {
  const kind = addressKind(host);
  if (!kind || kind === "public" || isAllowedAddress(host, allow)) return null;
  return refusalReason(kind);
};

/** A lookup that refuses when any address of the name breaks the rule. */
function checkedLookup(rule: AddressRule, allow: readonly AllowEntry[], isTrustedName: boolean, resolve: ResolveAll) {
  return (hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    resolve(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error);
      const refusal = isTrustedName ? null : addresses.map((a) => rule(a.address, allow)).find((r) => r !== null);
      if (refusal) return callback(new AddressRefused(refusal));
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      return first
        ? callback(null, first.address, first.family)
        : callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }));
    });
  };
}

function readCapped(res: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    res.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= maxBytes) {
        res.destroy();
        resolve(Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8"));
      }
    });
    res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    res.on("error", reject);
  });
}

function once(url: URL, options: GuardedGetOptions, signal: AbortSignal): Promise<IncomingMessage> {
  const isTrustedName = isAllowedName(url.hostname, options.allow);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? "GET",
      headers: options.headers,
      signal,
      lookup: checkedLookup(
        options.rule ?? internalRefused,
        options.allow,
        isTrustedName,
        options.resolve ?? (dnsLookup as unknown as ResolveAll),
      ) as never,
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Never throws: a refused address, an answer (body capped), or the error that stopped it. */
export async function guardedGet(raw: string, options: GuardedGetOptions): Promise<GuardedAnswer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onStop = () => controller.abort();
  options.signal?.addEventListener("abort", onStop);
  try {
    let url = new URL(raw);
    for (let hop = 0; ; hop++) {
      if (url.protocol !== "http:" && url.protocol !== "https:") return { kind: "refused", reason: "refused: not an http(s) URL" };
      if (url.username || url.password) return { kind: "refused", reason: "refused: URL holds a user name or password" };
      // Literal addresses never reach the lookup, so they are checked here.
      const refusal = isAllowedName(url.hostname, options.allow) ? null : (options.rule ?? internalRefused)(url.hostname, options.allow);
      if (refusal) return { kind: "refused", reason: refusal };
      const res = await once(url, options, controller.signal);
      const location = res.headers.location;
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location && hop < options.maxRedirects) {
        res.resume();
        url = new URL(location, url);
        continue;
      }
      const body = await readCapped(res, options.maxBytes);
      const contentType = res.headers["content-type"] ?? null;
      const retryAfter = res.headers["retry-after"] ?? null;
      return { kind: "response", status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", contentType, retryAfter, body };
    }
  } catch (error) {
    if (error instanceof AddressRefused) return { kind: "refused", reason: error.reason };
    return { kind: "error", error, timedOut };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onStop);
  }
}
