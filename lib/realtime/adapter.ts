import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";
import { guardPool } from "../db/guard-pool.ts";
import { errorFields, log } from "../log.ts";
import type { RealtimeServer } from "./emit.ts";
import { localFirst } from "./local-first.ts";

// How broadcasts reach sockets held by other instances. One process needs nothing (the default
// in-memory adapter); several instances sharing one Postgres fan out through Redis pub/sub when
// REDIS_URL is set, else through Postgres LISTEN/NOTIFY on the database they already share.

export type FanoutKind = "memory" | "redis" | "postgres";

export interface Fanout {
  kind: FanoutKind;
  close(): Promise<void>;
}

export interface FanoutOptions {
  redisUrl?: string;
  /** Only a Postgres database can be shared; PGlite is one process by construction. */
  databaseUrl?: string;
  /** "memory" forces a single-instance setup even with a shared database. */
  mode?: "auto" | "memory";
}

// NOTIFY payloads are capped at 8000 bytes; bigger broadcasts (a long entry) go through this table.
const ATTACHMENTS_TABLE = "socket_io_attachments";

async function attachRedis(io: RealtimeServer, url: string): Promise<Fanout> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  // node-redis reconnects by itself; without a listener an error would crash the process.
  for (const client of [pub, sub]) client.on("error", (error: unknown) => log.error("redis connection error", errorFields(error)));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createRedisAdapter(pub, sub, { key: "warroom" }));
  return {
    kind: "redis",
    close: async () => {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

async function attachPostgres(io: RealtimeServer, url: string): Promise<Fanout> {
  // The adapter's LISTEN connection is checked out for good: guardPool keeps a cut from crashing us
  // (the adapter then reconnects by itself).
  // A NOTIFY is its own transaction; waiting for its commit record to reach the disk buys nothing
  // (a broadcast is not kept anyway) and put a WAL flush in front of every cross-instance delivery.
  const pool = guardPool(new pg.Pool({ connectionString: url, max: 4, options: "-c synchronous_commit=off" }), "realtime fan-out");
  await pool.query(
    `CREATE TABLE IF NOT EXISTS ${ATTACHMENTS_TABLE} (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`,
  );
  const create = createPostgresAdapter(pool, {
    channelPrefix: "warroom",
    tableName: ATTACHMENTS_TABLE,
    errorHandler: (error: Error) => log.error("realtime fan-out failed", errorFields(error)),
  });
  // Socket.io calls `new` on this, so a function, not an arrow; returning an object from it is fine.
  io.adapter(function localFirstPostgres(nsp: Parameters<typeof create>[0]) {
    return localFirst(create(nsp));
  });
  return {
    kind: "postgres",
    close: async () => {
      // The adapter holds a LISTEN client from the pool; closing the server releases it first.
      await pool.end().catch((error: unknown) => log.error("closing the fan-out pool failed", errorFields(error)));
    },
  };
}

/** Installs the adapter that lets every instance reach every browser. Call before listening. */
export async function attachFanout(io: RealtimeServer, options: FanoutOptions): Promise<Fanout> {
  if (options.mode === "memory") return { kind: "memory", close: async () => undefined };
  if (options.redisUrl) return attachRedis(io, options.redisUrl);
  if (options.databaseUrl) return attachPostgres(io, options.databaseUrl);
  return { kind: "memory", close: async () => undefined };
}
