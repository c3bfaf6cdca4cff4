import { peekRateLimit } from "../security/peek-rate-limit.ts";
import { keyOf, RULE } from "./login-guard.ts";

/** True while this email may not try a password from this address. */
export async function isThrottled(email: string, address: string): Promise<boolean> {
  return !(await peekRateLimit(keyOf(email, address), RULE)).allowed;
}
