import { randomBytes } from "node:crypto";

/** 192 random bits; `whk_` tells it apart from API tokens (`wr_`) in a leaked config. */
export function generateWebhookSecret(): string {
  return `whk_${randomBytes(24).toString("base64url")}`;
}
