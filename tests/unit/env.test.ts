import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureAuthSecret, loadEnv, pgliteDir, shouldSeedDemo } from "../../lib/env.ts";

describe("loadEnv", () => {
  it("runs with no configuration at all", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "0.0.0.0",
      DATA_DIR: ".data",
      OIDC_DEFAULT_ROLE: "VIEWER",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(pgliteDir(env)).toBe(path.resolve(".data", "pglite"));
    expect(shouldSeedDemo(env)).toBe(true);
  });

  it("seeds the demo into a real PostgreSQL only when SEED_DEMO=true is given", () => {
    expect(shouldSeedDemo(loadEnv({ DATABASE_URL: "postgres://db/warroom" }))).toBe(false);
    expect(shouldSeedDemo(loadEnv({ DATABASE_URL: "postgres://db/warroom", SEED_DEMO: "true" }))).toBe(true);
    expect(shouldSeedDemo(loadEnv({ SEED_DEMO: "false" }))).toBe(false);
  });

  it("treats blank variables as unset, as a .env file with empty values would give", () => {
    const env = loadEnv({ PORT: "", DATABASE_URL: "" });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads and converts values", () => {
    const env = loadEnv({ PORT: "8080", SEED_DEMO: "false", DATABASE_URL: "postgresql://db/warroom", PGLITE_DIR: "/var/warroom" });
    expect(env).toMatchObject({ PORT: 8080, SEED_DEMO: false, DATABASE_URL: "postgresql://db/warroom" });
    expect(pgliteDir(env)).toBe("/var/warroom");
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/warroom" }, "DATABASE_URL"],
    [{ SEED_DEMO: "maybe" }, "SEED_DEMO"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ OIDC_DEFAULT_ROLE: "OWNER" }, "OIDC_DEFAULT_ROLE"],
    [{ SMTP_URL: "http://mail.example.com" }, "SMTP_URL"],
    [{ OIDC_ALLOWED_DOMAINS: "example.com, not a domain" }, "OIDC_ALLOWED_DOMAINS"],
  ])("refuses %o naming %s", (source, variable) => {
    expect(() => loadEnv(source)).toThrow(new RegExp(`Invalid configuration:[\\s\\S]*${variable}:`));
  });

  it("refuses a partial single sign-on configuration, naming the variables to set", () => {
    expect(() => loadEnv({ OIDC_CLIENT_ID: "warroom" })).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together/);
    expect(() =>
      loadEnv({ OIDC_ISSUER: "https://sso.example.com", OIDC_CLIENT_ID: "warroom", OIDC_CLIENT_SECRET: "s3cret" }),
    ).not.toThrow();
  });
});

describe("ensureAuthSecret", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a secret once, keeps it private, and reuses it on the next start", () => {
    dir = mkdtempSync(path.join(tmpdir(), "warroom-env-"));
    const env = loadEnv({ DATA_DIR: dir });
    const first = ensureAuthSecret(env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, "nextauth-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(ensureAuthSecret(env)).toBe(first);
  });

  it("prefers NEXTAUTH_SECRET when it is set", () => {
    dir = mkdtempSync(path.join(tmpdir(), "warroom-env-"));
    const secret = "a-configured-secret-value";
    expect(ensureAuthSecret(loadEnv({ DATA_DIR: dir, NEXTAUTH_SECRET: secret }))).toBe(secret);
  });
});
