// One migrated database per test run, cloned by every integration test file instead of replaying
// every migration into each fresh database (about a third of each file's set-up on PGlite, most of
// it on PostgreSQL). The template is keyed by a hash of the migrations (and PGlite's version), so
// a schema change makes a new one and a stale template is never used.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { pgliteConnection, pgConnection } from "../../lib/db/migration-connection.ts";
import { migrate, readMigrations } from "../../lib/db/migrate.ts";
import { assertLocalDatabase } from "./assert-local-database.ts";

/** What a test file needs to clone the template: a PGlite tarball path or a Postgres database name. */
export type TemplateRef = { kind: "pglite"; file: string } | { kind: "postgres"; database: string };

function migrationsKey(): string {
  // The package's exports hide package.json: read it beside the resolved entry point.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const pgliteVersion = readPackageVersion(path.dirname(entry));
  const hash = createHash("sha256").update(`pglite ${pgliteVersion}\n`);
  for (const m of readMigrations()) hash.update(`${m.name} ${m.checksum}\n`);
  return hash.digest("hex").slice(0, 16);
}

function readPackageVersion(dir: string): string {
  for (let at = dir; at !== path.dirname(at); at = path.dirname(at)) {
    const file = path.join(at, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "@electric-sql/pglite" && pkg.version) return pkg.version;
  }
  return "unknown";
}

async function preparePglite(): Promise<TemplateRef> {
  const file = path.join(tmpdir(), `warroom-template-${migrationsKey()}.tar`);
  if (!existsSync(file)) {
    const db = await PGlite.create("memory://");
    try {
      await migrate(pgliteConnection(db), readMigrations());
      const dump = await db.dumpDataDir("none");
      // Written aside and renamed, so a second suite running at the same time never reads half a file.
      const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
    } finally {
      await db.close();
    }
  }
  return { kind: "pglite", file };
}

async function preparePostgres(adminUrl: string): Promise<TemplateRef> {
  const name = `warroom_template_${migrationsKey()}`;
  const admin = new pg.Client({ connectionString: assertLocalDatabase(adminUrl).toString() });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return { kind: "postgres", database: name };
    // Built under a private name and renamed when complete: a concurrent run either finds the
    // finished template or builds its own and drops it when the rename loses.
    const building = `${name}_${randomBytes(4).toString("hex")}`;
    await admin.query(`CREATE DATABASE "${building}"`);
    const url = assertLocalDatabase(adminUrl);
    url.pathname = `/${building}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await migrate(pgConnection(client), readMigrations());
    } finally {
      await client.end();
    }
    try {
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch {
      await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
    }
    return { kind: "postgres", database: name };
  } finally {
    await admin.end();
  }
}

/** Makes sure the template for the configured backend exists; called once per run (globalSetup). */
export function prepareTemplate(adminUrl: string | undefined): Promise<TemplateRef> {
  return adminUrl ? preparePostgres(adminUrl) : preparePglite();
}

/** The PGlite template's bytes, read once per worker. */
let pgliteBlob: { file: string; blob: Blob } | undefined;
export function pgliteTemplate(file: string): Blob {
  if (pgliteBlob?.file !== file) pgliteBlob = { file, blob: new Blob([readFileSync(file)]) };
  return pgliteBlob.blob;
}
