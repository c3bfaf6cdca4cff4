import { LOCK_MINUTES, MAX_FAILED_LOGINS } from "./login-policy.ts";

// Password guessing is throttled per account AND address: five wrong passwords for one email
// from one address stop that pair for 15 minutes. Locking the account itself let anyone keep a
// known account shut for its owner, and answering "locked" told them the account existed; the
// throttled pair gets the same answer as any wrong password. Guessing across many accounts from
// one address is the sign-in route's per-address limit (login-rate-limit.ts).

export const RULE = { limit: MAX_FAILED_LOGINS, windowMs: LOCK_MINUTES * 60_000 };

export const keyOf = (email: string, address: string) => `login-account:${email.toLowerCase()}:${address}`;
