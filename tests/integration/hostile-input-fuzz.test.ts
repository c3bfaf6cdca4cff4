// Issue #16: a fixed corpus of hostile values sent to every write route of the authorization
// matrix, as an admin with a valid request that has one value replaced. Every answer must be a
// 4xx (never a 5xx) naming the field, with nothing written and no audit row.
// matrix-world loads next-request-scope, which must come before next/server.
import { callPlanned as call, seedMatrixWorld } from "../helpers/matrix-world.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client.ts";
import type { RouteAnswer } from "../helpers/call-route.ts";
import { APP_DIR, discoverRoutes, routeKey, type HttpMethod } from "../helpers/route-matrix.ts";
import { sessionCookie } from "../helpers/session-cookie.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.ts";
import { AUTHORIZATION_MATRIX, type MatrixCase, type MatrixWorld } from "./authorization-matrix.spec-table.ts";

const routes = await discoverRoutes(APP_DIR);
const WRITES = new Set<HttpMethod>(["POST", "PUT", "PATCH", "DELETE"]);
// next-auth's form posts are not JSON bodies of ours (sign-in abuse has its own tests); the
// catch-all answers 404 to everything and writes nothing.
const SKIPPED = new Set(["POST /api/auth/[...nextauth]", ...["POST", "PUT", "PATCH", "DELETE"].map((m) => `${m} /api/[...path]`)]);

let testDb: TestDatabase;
let world: MatrixWorld;
let adminCookie = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  world = await seedMatrixWorld("Acme Fuzz");
  adminCookie = await sessionCookie(world.org.admin.userId);
});
afterAll(() => testDb.close());

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One hostile request: where the value went, what it was, and whether a 2xx is also fine. */
interface Mutation {
  field: string;
  label: string;
  body: unknown;
  /** An unknown key in a create request may be ignored (2xx); everywhere else a 2xx is a miss. */
  mayPass?: boolean;
}

const TEN_MB = "x".repeat(10 * 1024 * 1024);
const ISO = /^\d{4}-\d{2}-\d{2}T/;

/** The corpus for one value, by its type in the valid request. */
function corpusFor(value: Json): { label: string; value: unknown }[] {
  if (typeof value === "string") {
    const bad = [
      { label: "NUL", value: `${value}\u0000` },
      { label: "control characters", value: `${value}\u0007\u001B[31m` },
      { label: "lone surrogate", value: `${value}\uD800` },
      { label: "wrong type (object)", value: { $ne: 1 } },
    ];
    if (ISO.test(value)) {
      bad.push(
        { label: "year 0", value: "0000-01-01T00:00:00Z" },
        { label: "year 0000 date", value: "0000-01-01" },
        { label: "year 275760", value: "+275760-09-13T00:00:00.000Z" },
      );
    }
    return bad;
  }
  if (typeof value === "number")
    return [
      { label: "wrong type (string)", value: "12" },
      { label: "wrong type (object)", value: {} },
    ];
  if (typeof value === "boolean") return [{ label: "wrong type (string)", value: "yes" }];
  if (Array.isArray(value)) return [{ label: "wrong type (string)", value: "not a list" }];
  return [];
}

/** Every leaf of a JSON value with its path, to depth 4. */
function leaves(value: Json, at: string[] = []): { path: string[]; value: Json }[] {
  if (value === null || typeof value !== "object" || at.length >= 4) return [{ path: at, value }];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const out: { path: string[]; value: Json }[] = at.length > 0 ? [{ path: at, value }] : [];
  for (const [k, v] of entries) out.push(...leaves(v, [...at, k]));
  return out;
}

function replaced(body: Json, at: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[at.at(-1)!] = value;
  return copy;
}

function mutationsOf(body: unknown, method: HttpMethod): Mutation[] {
  if (typeof body === "string") {
    // A file upload (catalog import): NUL inside the file, and ten megabytes of it.
    return [
      { field: "(body)", label: "NUL in the file", body: body.replace(/\n/, "\u0000\n") },
      { field: "(body)", label: "10 MB file", body: `${body}\n#${TEN_MB}` },
    ];
  }
  if (body === undefined || body === null || typeof body !== "object") return [];
  const json = body as Json;
  const out: Mutation[] = [];
  for (const leaf of leaves(json)) {
    if (leaf.path.length === 0) continue;
    for (const item of corpusFor(leaf.value))
      out.push({ field: leaf.path.join("."), label: item.label, body: replaced(json, leaf.path, item.value) });
  }
  const firstString = leaves(json).find((l) => typeof l.value === "string" && l.path.length > 0);
  if (firstString) out.push({ field: firstString.path.join("."), label: "10 MB string", body: replaced(json, firstString.path, TEN_MB) });
  if (!Array.isArray(json))
    out.push({
      field: "zzUnknown",
      label: "unknown key",
      body: { ...(json as Record<string, Json>), zzUnknown: 1 },
      mayPass: method !== "PATCH",
    });
  out.push({ field: "(body)", label: "wrong type (array body)", body: [json] });
  out.push({ field: "(body)", label: "wrong type (number body)", body: 42 });
  return out;
}

/** Counts of the tables a write would touch; with the audit log, "nothing written". */
async function footprint(): Promise<string> {
  const d = db();
  const counts = await Promise.all([
    d.auditLog.count(),
    d.incident.count(),
    d.timelineEvent.count(),
    d.team.count(),
    d.service.count(),
    d.serviceDependency.count(),
    d.integrationAlert.count(),
    d.incidentImpactChange.count(),
    d.actionItem.count(),
    d.stakeholderUpdate.count(),
    d.postmortem.count(),
    d.apiToken.count(),
    d.integration.count(),
  ]);
  return counts.join(",");
}

function namesField(answer: RouteAnswer, field: string): boolean {
  const error = (answer.body as { error?: { message?: string; details?: { fields?: { field: string }[] } } } | null)?.error;
  if (field === "(body)") return true;
  const last = field.split(".").at(-1)!;
  const named = (error?.details?.fields ?? []).some(
    (f) => f.field === field || f.field.split(".").includes(last) || (field.startsWith(f.field) && f.field !== ""),
  );
  return named || (error?.message ?? "").includes(last);
}

function caseFor(key: string): { matrixCase: MatrixCase; isRefusedAnyway: boolean } | undefined {
  const cases = AUTHORIZATION_MATRIX[key] ?? [];
  const mayCall = (c: MatrixCase) => c.allow === "public" || c.allow.includes("ADMIN");
  // The case where an admin's request succeeds, so a refusal can only be the hostile value's doing.
  const succeeding = cases.find((c) => mayCall(c) && (c.status ?? 200) < 300);
  if (succeeding) return { matrixCase: succeeding, isRefusedAnyway: false };
  // Routes the suite can only call to be refused (setup once done, a reset link that does not
  // exist, a wrong current password): hostile values must still never give a 5xx or write.
  const refused = cases.find(mayCall);
  return refused ? { matrixCase: refused, isRefusedAnyway: true } : undefined;
}

describe("hostile input on every write route", () => {
  for (const route of routes) {
    for (const method of route.methods) {
      const key = routeKey(method, route.path);
      if (!WRITES.has(method) || SKIPPED.has(key)) continue;
      it(`${key}: no 5xx, the field named, nothing written`, async () => {
        const found = caseFor(key);
        expect(found, `${key} has no case an admin may call`).toBeDefined();
        const c = found?.matrixCase;
        const problems: string[] = [];
        const sample = await c!.plan(world, world.org.admin);
        for (const mutation of mutationsOf(sample.body, method)) {
          const plan = await c!.plan(world, world.org.admin);
          const before = await footprint();
          const res = await call(route, method, plan, { cookie: adminCookie, ...plan.headers }, mutation.body);
          const what = `${mutation.label} in ${mutation.field}`;
          const text = JSON.stringify(res.body)?.slice(0, 200);
          if (res.status >= 500) problems.push(`${what}: ${res.status} ${text}`);
          else if (found?.isRefusedAnyway) {
            if ((await footprint()) !== before) problems.push(`${what}: answered ${res.status} but wrote`);
          } else if (res.status < 400) {
            if (!mutation.mayPass) problems.push(`${what}: accepted with ${res.status}`);
          } else {
            if (res.status !== 413 && !namesField(res, mutation.field))
              problems.push(`${what}: ${res.status} does not name the field: ${text}`);
            if ((await footprint()) !== before) problems.push(`${what}: refused with ${res.status} but wrote`);
          }
        }
        // Broken percent-encoding where an id goes: an unknown entity, never a 500.
        for (const name of Object.keys(sample.params ?? {})) {
          const plan = await c!.plan(world, world.org.admin);
          plan.params = { ...plan.params, [name]: "%ZZ" };
          const res = await call(route, method, plan, { cookie: adminCookie, ...plan.headers }, plan.body);
          if (res.status >= 500 || res.status < 400) problems.push(`%ZZ as ${name}: ${res.status}`);
        }
        expect(problems).toEqual([]);
      }, 120_000);
    }
  }
});
