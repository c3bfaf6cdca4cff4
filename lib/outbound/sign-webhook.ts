import { createHmac, randomBytes } from "node:crypto";

/** 192 random bits; `whsec_` marks it as a signing secret in a leaked config. */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/**
 * `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. Signing the timestamp with the body
 * lets receivers refuse replays older than a few minutes.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The headers of one signed delivery; the delivery id lets receivers drop a retry they already applied. */
export function signedHeaders(input: {
  secret: string;
  event: string;
  deliveryId: string;
  body: string;
  now: Date;
}): Record<string, string> {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  return {
    "x-warroom-event": input.event,
    "x-warroom-delivery": input.deliveryId,
    "x-warroom-timestamp": timestamp,
    "x-warroom-signature": signWebhook(input.secret, timestamp, input.body),
  };
}
