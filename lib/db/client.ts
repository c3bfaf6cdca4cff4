import type { Database, DatabaseKind, PreparedStatement } from "./open-database.ts";
import type { PrismaClient } from "./generated/client.ts";

// server.ts opens the database once; Next bundles route handlers separately from server.ts,
// so the instance is shared through globalThis rather than a module import.
declare global {
  var __warroomDatabase: Database | undefined;
}

export function setDatabase(database: Database | undefined): void {
  globalThis.__warroomDatabase = database;
}

function current(): Database {
  const database = globalThis.__warroomDatabase;
  if (!database) throw new Error("Database is not open: start the app with `npm start` (server.ts).");
  return database;
}

export function db(): PrismaClient {
  return current().prisma;
}

export function databaseKind(): DatabaseKind {
  return current().kind;
}

/** Runs a named statement of the hot path (see Database.preparedQuery); everything else uses db(). */
export function preparedQuery<R>(statement: PreparedStatement, values: unknown[]): Promise<R[]> {
  return current().preparedQuery<R>(statement, values);
}
