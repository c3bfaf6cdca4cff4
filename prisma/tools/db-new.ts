// `npm run db:new -- <name>`: writes the next migration from the diff between the existing
// migrations and prisma/schema.prisma, in Prisma's own folder layout so `prisma migrate deploy` applies it.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  diffMigrationsToSchema,
  isEmptyScript,
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  SCHEMA_PATH,
} from "./lib/schema-engine.js";

async function main(args: string[]): Promise<number> {
  const name = args
    .join("_")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) {
    console.error("Usage: npm run db:new -- <name>   (e.g. npm run db:new -- add_incident_tags)");
    return 1;
  }

  // The engine only replays a migrations folder whose lockfile names its provider.
  const lockfile = path.join(MIGRATIONS_DIR, LOCKFILE_NAME);
  const lock = await readFile(lockfile, "utf8").catch(() => null);
  if (lock === null) {
    await mkdir(MIGRATIONS_DIR, { recursive: true });
    await writeFile(lockfile, LOCKFILE_CONTENT);
  } else if (!/^provider\s*=\s*"postgresql"\s*$/m.test(lock)) {
    const shown = path.relative(process.cwd(), lockfile);
    console.error(`${shown} does not say provider = "postgresql"; fix it first.`);
    return 1;
  }

  const sql = await diffMigrationsToSchema(MIGRATIONS_DIR, SCHEMA_PATH);
  if (isEmptyScript(sql)) {
    console.log("No schema changes; no migration written.");
    return 0;
  }
  // UTC, like Prisma, so folder order is creation order whatever the author's time zone.
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const file = path.join(MIGRATIONS_DIR, `${stamp}_${name}`, "migration.sql");
  await mkdir(path.dirname(file));
  await writeFile(file, sql);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
