// `npm run db:migrate`: applies pending migrations with the app's own runner (the same one
// `npm start` runs), to DATABASE_URL or else the embedded database under DATA_DIR.
import { openDatabase } from "../../lib/db/open-database.ts";
import { loadEnv, pgliteDir } from "../../lib/env.ts";

async function main(): Promise<void> {
  const env = loadEnv();
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: pgliteDir(env) });
  const { applied, total } = database.migrations;
  console.log(
    `${database.kind} at ${database.location}: ` +
      (applied.length ? `applied ${applied.join(", ")}` : "already up to date") +
      ` (${total} migration${total === 1 ? "" : "s"} in all).`,
  );
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
