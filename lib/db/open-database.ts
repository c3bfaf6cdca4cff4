import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";
import { migrate, readMigrations, type MigrateResult } from "./migrate.ts";
import { pgConnection, pgliteConnection } from "./migration-connection.ts";
import { guardPool } from "./guard-pool.ts";
import { acquirePgliteLock } from "./pglite-lock.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Where the data lives, for the start-up log (password removed). */
  location: string;
  migrations: MigrateResult;
  /**
   * A statement the hot path runs all night, by name: on PostgreSQL each connection parses and
   * plans it once and reuses the plan (a 4-CTE insert plans in about 0.4 ms, as long as it runs).
   * Returns the rows; errors are the driver's (toAppError maps them like Prisma's).
   */
  preparedQuery<R>(statement: PreparedStatement, values: unknown[]): Promise<R[]>;
  /** Connections of the Postgres pool, for /metrics; null on the embedded database (no pool). */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  close(): Promise<void>;
}

export interface PreparedStatement {
  /** Unique per statement text: a connection keeps the plan under this name. */
  name: string;
  text: string;
}

export interface OpenOptions {
  /** postgres:// URL; without it the embedded PGlite database is used. */
  url?: string;
  /** PGlite data directory, or "memory://" for a throw-away database. */
  pgliteDir?: string;
  /** A PGlite data directory as a tarball to start from (the test suite's migrated template). */
  pgliteLoadDataDir?: Blob;
  migrationsDir?: string;
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

async function openPostgres(url: string, migrationsDir?: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let migrations: MigrateResult;
  try {
    migrations = await migrate(pgConnection(client), readMigrations(migrationsDir));
  } finally {
    await client.end();
  }
  // Our own pool rather than a config, so /metrics can read its sizes; we end it ourselves.
  // A cut connection is dropped and the next query reconnects (or answers 503 meanwhile).
  const pool = guardPool(new pg.Pool({ connectionString: url, max: 10 }), "database");
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgres",
    prisma,
    location: redact(url),
    migrations,
    preparedQuery: async <R>(statement: PreparedStatement, values: unknown[]) =>
      (await pool.query({ name: statement.name, text: statement.text, values })).rows as R[],
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPglite(dir: string, migrationsDir?: string, loadDataDir?: Blob): Promise<Database> {
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? () => undefined : acquirePgliteLock(dir);
  let db: PGlite | undefined;
  try {
    if (!inMemory) mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    db = await PGlite.create(inMemory ? dir : path.resolve(dir), loadDataDir ? { loadDataDir } : {});
    const migrations = await migrate(pgliteConnection(db), readMigrations(migrationsDir));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
    const opened = db;
    return {
      kind: "pglite",
      prisma,
      location: inMemory ? dir : path.resolve(dir),
      migrations,
      // In-process: no round trip to save, and PGlite keeps no named statements across calls.
      preparedQuery: async <R>(statement: PreparedStatement, values: unknown[]) => (await opened.query<R>(statement.text, values)).rows,
      poolStats: () => null,
      close: async () => {
        await prisma.$disconnect();
        await opened.close();
        release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    release();
    throw error;
  }
}

/** Opens the database, applies pending migrations, and returns a Prisma client over it. */
export function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.migrationsDir);
  return openPglite(options.pgliteDir ?? "memory://", options.migrationsDir, options.pgliteLoadDataDir);
}
