import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { layerProblems, libFolderOf, libImportsOf, readLibImports, libSourceFiles } from "../helpers/lib-imports.ts";

/**
 * The layers of lib/, bottom first (the README's Architecture section draws the same picture).
 * A folder imports only folders of lower layers: shared vocabulary and errors at the bottom,
 * domains above what they use, the server wiring on top. Moving a folder up or down is a change
 * to this table and to the README, made on purpose.
 */
const LIB_LAYERS = [
  // Foundation: imports nothing of lib/ (errors, the shared vocabularies, logging, env).
  ["env", "log", "errors", "vocabulary"],
  // Metrics log a failed scrape.
  ["db", "validation", "background", "observability"],
  // The audit record (written inside every change's transaction, by sign-in's guard too).
  ["security", "audit"],
  ["auth"],
  // Cross-cutting services every domain may use: the audit log's reader, time zones, realtime push.
  ["audit-log", "time", "realtime", "users"],
  // Records: the catalog, people and tokens, the stored incident, follow-ups.
  ["catalog", "people", "incident-record", "action-items"],
  ["timeline", "outbound", "impact", "http"],
  ["paging", "stakeholder", "drill-reports", "readiness", "insights"],
  // Commands that drive several records at once.
  ["incidents", "signals", "status"],
  ["integrations", "postmortems"],
  ["drills"],
  // Wiring: the custom server (sockets, direct routes, next-auth, pages' actor), the OpenAPI document, the demo seed.
  ["server", "openapi", "seed"],
] as const;

/**
 * Upward imports not yet undone, each with its reason (none today). The check fails on any
 * other, and on an entry here that no longer happens.
 */
const KNOWN_EXCEPTIONS: string[] = [];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("lib/ layers", () => {
  it("every import in lib/ goes down the layers", () => {
    const folders = new Set(libSourceFiles(root).map(libFolderOf));
    expect(layerProblems(readLibImports(root), LIB_LAYERS, folders, KNOWN_EXCEPTIONS)).toEqual([]);
  });

  it("reads every kind of import, type-only and dynamic ones included", () => {
    const source = [
      'import "server-only";',
      'import { z } from "zod";',
      'import { db } from "../db/client.ts";',
      "import type {\n  Actor,\n} from '../auth/actor.ts';",
      'export { SEVERITIES } from "@/lib/vocabulary/incidents.ts";',
      'const m = await import("../timeline/post-event.ts");',
      'declare module "../realtime/protocol.ts" {}',
      '// import { x } from "../drills/start-drill.ts";',
    ].join("\n");
    expect(libImportsOf("lib/catalog/x.ts", source).map((i) => i.target)).toEqual([
      "lib/db/client.ts",
      "lib/auth/actor.ts",
      "lib/vocabulary/incidents.ts",
      "lib/timeline/post-event.ts",
      "lib/realtime/protocol.ts",
    ]);
  });

  it("names the file, the import and the rule for an import that goes up or sideways", () => {
    const up = libImportsOf("lib/errors/app-error.ts", 'import type { IncidentDto } from "../incident-record/incident-dto.ts";');
    expect(layerProblems(up, LIB_LAYERS, ["errors", "incident-record"])).toEqual([
      'lib/errors/app-error.ts imports "../incident-record/incident-dto.ts": lib/errors (layer 0) may not import lib/incident-record (layer 5, above it)',
    ]);
    const beside = libImportsOf("lib/catalog/x.ts", 'import { f } from "@/lib/people/setup.ts";');
    expect(layerProblems(beside, LIB_LAYERS, [])).toHaveLength(1);
    expect(layerProblems([], LIB_LAYERS, ["brand-new"])).toEqual([expect.stringContaining("lib/brand-new is in no layer")]);
  });

  it("keeps the exception list honest", () => {
    expect(layerProblems([], LIB_LAYERS, [], ["lib/a/x.ts -> lib/b/y.ts"])).toEqual([
      'exception "lib/a/x.ts -> lib/b/y.ts" no longer happens: remove it from the list',
    ]);
  });
});
