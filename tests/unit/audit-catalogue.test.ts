import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_CATALOGUE, auditPayloadProblem, isAuditAction } from "../../lib/audit/audit-catalogue.ts";

// recordAudit only takes catalogued actions (a type error otherwise); this checks the rest: that
// nothing writes audit rows around it, and that every action string the code spells is catalogued.

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes(`${path.sep}generated`))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const files = [...sourceFiles("lib"), ...sourceFiles("app")].map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));

/** The writers allowed to insert audit rows: recordAudit, and the posting statement (held equal to it by a test). */
const WRITERS = ["lib/audit/record-audit.ts", "lib/timeline/insert-posted-event.ts"];

describe("the audit catalogue", () => {
  it("is the only way audit rows are written", () => {
    const writers = files
      .filter(({ text }) => /auditLog\.(create|createMany|upsert)\b|INSERT INTO "AuditLog"/.test(text))
      .map((f) => f.file);
    expect(writers.sort()).toEqual(WRITERS);
  });

  it("names every action string the code writes", () => {
    // `action: "x.y"` (ternaries included) wherever an audit entry is built; other `action:` keys
    // in the code (catalog change events, page triggers) carry single words, never dotted names.
    const spelled = new Set<string>();
    for (const { text } of files) {
      for (const line of text.split("\n")) {
        const at = line.indexOf("action:");
        if (at < 0) continue;
        for (const m of line.slice(at).matchAll(/["'`]([a-z_]+(?:\.[a-z_]+)+)["'`]/g)) if (m[1]) spelled.add(m[1]);
      }
      for (const m of text.matchAll(/action: "([a-z_]+(?:\.[a-z_]+)+)"/g)) if (m[1]) spelled.add(m[1]);
    }
    expect(spelled.size).toBeGreaterThan(40);
    expect([...spelled].filter((a) => !isAuditAction(a))).toEqual([]);
  });

  it("parses a row that matches and explains one that does not", () => {
    expect(Object.keys(AUDIT_CATALOGUE)).toContain("incident.declare");
    expect(
      auditPayloadProblem({
        action: "user.locked",
        before: null,
        after: { address: "203.0.113.9", until: "2026-12-03T15:00:00.000Z", failedLogins: 5 },
      }),
    ).toBeNull();
    expect(auditPayloadProblem({ action: "user.locked", before: null, after: { address: "203.0.113.9" } })).toMatch(
      /user\.locked: after — until/,
    );
    expect(auditPayloadProblem({ action: "user.locked", before: { x: 1 }, after: null })).toMatch(/before is not written/);
    expect(auditPayloadProblem({ action: "nothing.happened", before: null, after: null })).toMatch(/not in the audit catalogue/);
  });
});
