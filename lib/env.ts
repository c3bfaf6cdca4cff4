import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanish = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    // Several instances: Socket.io fans out through Redis when set, else through Postgres.
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
    // "memory" keeps broadcasts in-process (one instance only) even with a shared Postgres.
    REALTIME_FANOUT: z.enum(["auto", "memory"]).default("auto"),
    DATA_DIR: z.string().min(1).default(".data"),
    // Behind a load balancer: take the client address from X-Forwarded-For (set it only then,
    // or clients could pick their own address and dodge rate limits).
    TRUST_PROXY: booleanish.default(false),
    // Sign-in attempts allowed per client address per 5 minutes.
    LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
    // Requests one API token may make per minute (all instances together).
    API_TOKEN_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    // Authenticated webhook requests one alert source may make per minute (all instances together).
    WEBHOOK_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(1200),
    // Webhook requests with a wrong secret or signature allowed per client address per 5 minutes.
    WEBHOOK_AUTH_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
    // Bearer token Prometheus sends to scrape /metrics; without it /metrics is off.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    PGLITE_DIR: z.string().min(1).optional(),
    NEXTAUTH_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.url().optional(),
    // Unset: seed the demo into the embedded database only (the evaluation path); a real
    // PostgreSQL (DATABASE_URL) gets the demo only when asked for it (see shouldSeedDemo).
    SEED_DEMO: booleanish.optional(),
    // SMTP server for invitation and password reset emails; without it links are copied by hand.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    SMTP_FROM: z.string().min(3).optional(),
    // Email domains allowed to join through single sign-on (comma-separated); unset: no new users.
    OIDC_ALLOWED_DOMAINS: z
      .string()
      .regex(
        /^\s*@?[a-z0-9.-]+\.[a-z]{2,}\s*(,\s*@?[a-z0-9.-]+\.[a-z]{2,}\s*)*,?\s*$/i,
        "must be comma-separated domains such as example.com,example.org",
      )
      .optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    OIDC_DEFAULT_ROLE: z.enum(["ADMIN", "COMMANDER", "RESPONDER", "VIEWER"]).default("VIEWER"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
  });

export type Env = z.infer<typeof ZEnv>;

/** Parses and validates the environment; a bad value stops start-up naming the variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = ZEnv.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The demo seed: by default only into the embedded database, never silently into a real one. */
export function shouldSeedDemo(env: Pick<Env, "SEED_DEMO" | "DATABASE_URL">): boolean {
  return env.SEED_DEMO ?? env.DATABASE_URL === undefined;
}

export function pgliteDir(env: Env): string {
  return path.resolve(env.PGLITE_DIR ?? path.join(env.DATA_DIR, "pglite"));
}

/**
 * next-auth refuses to run in production without a secret. So that `npm start` needs no
 * configuration, generate one on first start and keep it under DATA_DIR (mode 0600).
 */
export function ensureAuthSecret(env: Env): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const dir = path.resolve(env.DATA_DIR);
  const file = path.join(dir, "nextauth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 16) return stored;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/**
 * The public URL people open Warroom at (NEXTAUTH_URL, which server.ts defaults to
 * http://localhost:$PORT), without a trailing slash: links in outbound messages start here.
 */
export function publicUrl(source: Record<string, string | undefined> = process.env): string {
  const url = source.NEXTAUTH_URL || `http://localhost:${source.PORT || "3000"}`;
  return url.replace(/\/+$/, "");
}
