// Run in a child process by the lock test: tries to open an embedded database directory
// the way a second `npm start` would. Exit 0 when it opened, 2 when it was refused.
import { openDatabase } from "../../lib/db/open-database.ts";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: open-pglite-cli.ts <pglite-dir>\n");
  process.exit(64);
}

try {
  const database = await openDatabase({ pgliteDir: dir });
  await database.close();
  process.stdout.write("opened\n");
} catch (error) {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(2);
}
