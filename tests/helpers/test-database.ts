import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { setDatabase } from "../../lib/db/client.ts";
import { openDatabase, type Database, type OpenOptions } from "../../lib/db/open-database.ts";
import { assertAuditRowsCatalogued } from "./assert-audit-catalogued.ts";
import { assertLocalDatabase } from "./assert-local-database.ts";
import { pgliteTemplate } from "./template-database.ts";

/** Set to a local server (e.g. postgres://postgres@127.0.0.1:5432/postgres) to test on Postgres. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const isPostgres = testDatabaseUrl !== undefined;

/** An empty place to open a database: a fresh Postgres database, or a temp PGlite directory. */
export interface EmptyTarget {
  options: OpenOptions;
  /** Removes the database or directory; the caller closes its own connections first. */
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: assertLocalDatabase(testDatabaseUrl ?? "").toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function createPostgresTarget(template?: string): Promise<EmptyTarget> {
  const name = `warroom_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`));
  const url = assertLocalDatabase(testDatabaseUrl ?? "");
  url.pathname = `/${name}`;
  return {
    options: { url: url.toString() },
    drop: () =>
      withAdmin(async (c) => {
        // A pool that has not finished closing would otherwise block the drop.
        await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
        await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      }),
  };
}

/** A fresh target on the configured backend; PGlite gets an on-disk temp dir so it can be reopened. */
export async function createEmptyTarget(): Promise<EmptyTarget> {
  if (isPostgres) return createPostgresTarget();
  const dir = mkdtempSync(path.join(tmpdir(), "warroom-pglite-"));
  return {
    options: { pgliteDir: path.join(dir, "data") },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface TestDatabase {
  database: Database;
  /** The Postgres URL of the throw-away database; undefined on PGlite. */
  url?: string;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file, installed as the app's database so domain
 * functions use it. PGlite in memory by default; a throw-away database when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(options: { migrationsDir?: string } = {}): Promise<TestDatabase> {
  // Cloned from the run's migrated template (tests/integration/global-setup.ts) unless the test
  // brings migrations of its own; the migrator then finds everything applied.
  const template = options.migrationsDir ? undefined : inject("databaseTemplate");
  const target: EmptyTarget = isPostgres
    ? await createPostgresTarget(template?.kind === "postgres" ? template.database : undefined)
    : {
        options: { pgliteDir: "memory://", pgliteLoadDataDir: template?.kind === "pglite" ? pgliteTemplate(template.file) : undefined },
        drop: async () => undefined,
      };
  let database: Database;
  try {
    database = await openDatabase({ ...target.options, migrationsDir: options.migrationsDir });
  } catch (error) {
    await target.drop();
    throw error;
  }
  setDatabase(database);
  return {
    database,
    url: target.options.url,
    close: async () => {
      try {
        await assertAuditRowsCatalogued();
      } finally {
        setDatabase(undefined);
        await database.close();
        await target.drop();
      }
    },
  };
}
