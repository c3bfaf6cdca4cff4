import type { AllowEntry } from "../security/address-policy.ts";
import { guardedGet } from "../security/guarded-get.ts";
import { interpretHealthFailure, interpretHealthRefusal, interpretHealthResponse, type HealthOutcome } from "./health-check-result.ts";

const MAX_BODY_BYTES = 64 * 1024;
/** Each hop is re-checked against the address policy; more than this is a misconfigured check. */
const MAX_REDIRECTS = 3;

/**
 * One GET under the address policy, with a hard timeout covering redirects and the body too.
 * Never throws. Only a status line is kept: the body decides ok/degraded/down, it is never shown.
 */
export async function checkUrl(
  url: string,
  timeoutMs: number,
  stopSignal?: AbortSignal,
  allow: readonly AllowEntry[] = [],
): Promise<HealthOutcome> {
  const answer = await guardedGet(url, {
    timeoutMs,
    maxBytes: MAX_BODY_BYTES,
    maxRedirects: MAX_REDIRECTS,
    allow,
    signal: stopSignal,
    headers: { accept: "application/json, text/plain;q=0.9, */*;q=0.5", "user-agent": "Warroom-HealthCheck/1" },
  });
  if (answer.kind === "refused") return interpretHealthRefusal(answer.reason);
  if (answer.kind === "error") return interpretHealthFailure(answer.error, answer.timedOut, timeoutMs);
  return interpretHealthResponse(answer);
}
