import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** The little SQL surface the migration runner needs, over either PGlite or a pg client. */
export interface SqlSession {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(sql: string): Promise<void>;
}

export interface MigrationConnection extends SqlSession {
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
}

export function pgliteConnection(db: PGlite): MigrationConnection {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
  };
}

/** One dedicated client: the advisory lock is held by the session, so it must not be pooled. */
export function pgConnection(client: pg.Client): MigrationConnection {
  const session: SqlSession = {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params as unknown[] | undefined)).rows as T[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
  return {
    ...session,
    transaction: async (fn) => {
      await client.query("BEGIN");
      try {
        const result = await fn(session);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
}
