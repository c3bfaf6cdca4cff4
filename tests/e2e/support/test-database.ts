// Throw-away Postgres databases for e2e servers, on a local server only: the suite creates and
// drops databases there.
import { randomBytes } from "node:crypto";
import pg from "pg";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

export function say(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

/** Refuses anything but a local server: the suite creates and drops databases on it. */
function assertLocal(url: URL): void {
  // An empty host with ?host=/run/postgresql is a Unix socket, which is local too.
  const socketHost = url.searchParams.get("host");
  const isLocal = LOCAL_HOSTS.has(url.hostname) && (!socketHost || socketHost.startsWith("/"));
  if (!isLocal) throw new Error(`TEST_DATABASE_URL must point at a local server (localhost/127.0.0.1/::1), got host "${url.hostname}"`);
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const admin = new URL(adminUrl);
  assertLocal(admin);
  const name = `warroom_e2e_${randomBytes(6).toString("hex")}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  say(`created database ${name}`);
  return {
    url: url.toString(),
    drop: async () => {
      // FORCE ends sessions a slow shutdown may have left behind (Postgres 13+).
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      say(`dropped database ${name}`);
    },
  };
}
