import { type AttemptOutcome } from "./attempt-result.ts";
import { signedHeaders } from "./sign-webhook.ts";
import { guardedGet } from "../security/guarded-get.ts";
import { channelAddressRule } from "./destination-url.ts";
import type { ClaimedDelivery } from "./claim-due-deliveries.ts";

const MAX_BODY_BYTES = 16 * 1024;

/** One POST with a hard timeout covering the answer too. Never throws. */
export async function postDelivery(
  claim: ClaimedDelivery,
  timeoutMs: number,
  now: Date,
  stopSignal?: AbortSignal,
): Promise<AttemptOutcome> {
  // Paging keys are added here, from the channel, so they never sit in the stored payload.
  const payload = claim.payload;
  const isPagerDuty =
    claim.kind === "pagerduty" && claim.secret && typeof payload === "object" && payload !== null && !Array.isArray(payload);
  const body = JSON.stringify(isPagerDuty ? { routing_key: claim.secret, ...payload } : payload);
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Warroom-Notifications/1" };
  if (claim.kind === "webhook" && claim.secret) {
    Object.assign(headers, signedHeaders({ secret: claim.secret, event: claim.event, deliveryId: claim.id, body, now }));
  }
  if (claim.kind === "opsgenie" && claim.secret) headers.authorization = `GenieKey ${claim.secret}`;
  // A redirect is not a delivery: following it could carry the body somewhere unintended. The
  // address is checked as the connection opens: a name that resolves to a cloud metadata
  // endpoint is refused, however the URL spelt it (see channelAddressRule). guardedGet holds the
  // deadline (answer included) and stops with the sender.
  const answer = await guardedGet(claim.url, {
    method: "POST",
    body,
    headers,
    rule: channelAddressRule,
    allow: [],
    timeoutMs,
    maxBytes: MAX_BODY_BYTES,
    maxRedirects: 0,
    signal: stopSignal,
  });
  if (answer.kind === "refused") return { kind: "error", error: new Error(answer.reason), timedOut: false };
  if (answer.kind === "error") return { kind: "error", error: answer.error, timedOut: answer.timedOut };
  return { kind: "response", status: answer.status, body: answer.body, retryAfter: answer.retryAfter };
}
