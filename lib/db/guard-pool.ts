import type pg from "pg";
import { log } from "../log.ts";

/**
 * A pg pool emits errors of idle connections on itself, but a connection that is checked out
 * (a LISTEN client, a transaction between two queries) emits them on the client: unheard, a cut
 * network becomes an uncaught exception. Every client gets a listener; the query that was using
 * it fails on its own and the pool replaces the connection.
 */
export function guardPool(pool: pg.Pool, what: string): pg.Pool {
  const warn = (error: Error) => log.warn(`${what}: connection lost`, { error: error.message });
  pool.on("error", warn);
  pool.on("connect", (client) => client.on("error", warn));
  return pool;
}
