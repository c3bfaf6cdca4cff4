// One budget for every interactive transaction: Prisma's defaults (2 s to get a connection, 5 s to
// finish) fail writes under load, and a limit written out per file drifts. maxWait is the wait
// for a pooled connection, timeout how long the transaction may hold it.
export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** A transaction that knowingly runs long (a catalog import, the demo seed): the same wait, its own limit. */
export const longTxOptions = (timeoutMs: number) => ({ ...TX_OPTIONS, timeout: timeoutMs }) as const;
