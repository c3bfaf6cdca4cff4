// `npm run db:check`: fails when replaying prisma/migrations does not yield exactly the database
// prisma/schema.prisma describes, i.e. the schema changed without a migration being written for it.
import { access } from "node:fs/promises";
import path from "node:path";
import { diffMigrationsToSchema, isEmptyScript, LOCKFILE_NAME, MIGRATIONS_DIR, readMigrations, SCHEMA_PATH } from "./lib/schema-engine.js";

async function main(): Promise<number> {
  const count = (await readMigrations(MIGRATIONS_DIR)).migrationDirectories.length;
  const lockfile = path.join(MIGRATIONS_DIR, LOCKFILE_NAME);
  if (
    count > 0 &&
    !(await access(lockfile).then(
      () => true,
      () => false,
    ))
  ) {
    const shown = path.relative(process.cwd(), lockfile);
    console.error(`${shown} is missing; \`npm run db:new -- <name>\` restores it.`);
    return 1;
  }

  const sql = await diffMigrationsToSchema(MIGRATIONS_DIR, SCHEMA_PATH);
  if (isEmptyScript(sql)) {
    console.log(`Schema and migrations agree (${String(count)} migration${count === 1 ? "" : "s"}).`);
    return 0;
  }
  console.error(
    "A migration is missing: prisma/schema.prisma differs from what prisma/migrations builds.\n" +
      `The missing migration would be:\n\n${sql.trim()}\n\n` +
      "Run `npm run db:new -- <name>` to write it.",
  );
  return 1;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  },
);
