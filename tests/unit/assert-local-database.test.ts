import { describe, expect, it } from "vitest";
import { assertLocalDatabase } from "../helpers/assert-local-database.ts";

// The guard that keeps integration tests from creating and dropping databases on a real server.
describe("assertLocalDatabase", () => {
  it.each(["postgres://postgres@127.0.0.1:5432/postgres", "postgresql://u:p@localhost/db", "postgres://[::1]:5432/postgres"])(
    "accepts %s",
    (url) => {
      expect(() => assertLocalDatabase(url)).not.toThrow();
    },
  );

  it.each(["postgres://postgres@db.internal:5432/postgres", "postgres://10.0.0.5/warroom", "postgres://localhost.evil.com/db"])(
    "refuses %s",
    (url) => {
      expect(() => assertLocalDatabase(url)).toThrow(/Refusing to run integration tests against/);
    },
  );

  it("refuses something that is not a Postgres URL", () => {
    expect(() => assertLocalDatabase("mysql://localhost/db")).toThrow(/postgres:\/\//);
    expect(() => assertLocalDatabase("")).toThrow(/not a valid URL/);
  });
});
