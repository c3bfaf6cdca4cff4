import { db } from "../db/client.ts";
import { keyOf } from "./login-guard.ts";

/** A correct password: the pair starts counting afresh, so scattered typos never add up. */
export async function recordSuccessfulLogin(email: string, address: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "RateLimitBucket" WHERE "key" = ${keyOf(email, address)}`;
}
