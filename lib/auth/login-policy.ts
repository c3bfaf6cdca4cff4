// Client-safe: the sign-in rules the login form explains and the server enforces.
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** Error codes next-auth hands back to the login form. */
export const ACCOUNT_LOCKED = "AccountLocked";
export const RATE_LIMITED = "RateLimited";
