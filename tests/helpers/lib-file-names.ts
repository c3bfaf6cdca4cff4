import ts from "typescript";
import { libImportsOf } from "./lib-imports.ts";

// The naming rule of lib/ files, read from source text (the README's Architecture section says it).
// "I/O" here means the file opens database work itself: it imports the client (`db()`,
// `preparedQuery`) or the transaction options it hands to `db().$transaction`. A helper that works
// inside a transaction its caller passes in (`tx`) does not open any, so a noun-named module may
// hold such helpers for the operations of its folder.
const IO_MODULES = new Set(["lib/db/client.ts", "lib/db/transaction-options.ts"]);

/** createTeam -> create-team, autoPageSev1 -> auto-page-sev1, userIdForSso -> user-id-for-sso. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

export function doesIo(file: string, source: string): boolean {
  return libImportsOf(file, source).some((i) => IO_MODULES.has(i.target));
}

/** The functions a module exports: function declarations, and consts holding an arrow or function expression. */
export function exportedFunctionsOf(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const exported = (node: ts.Statement) =>
    ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const local = new Map<string, boolean>();
  const names: string[] = [];
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) {
      local.set(st.name.text, true);
      if (exported(st)) names.push(st.name.text);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        const isFunction = !!d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer));
        local.set(d.name.text, isFunction);
        if (isFunction && exported(st)) names.push(d.name.text);
      }
    }
  }
  // `export { a, b }` of local functions counts too (re-exports from other modules do not).
  for (const st of sf.statements) {
    if (ts.isExportDeclaration(st) && !st.moduleSpecifier && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const e of st.exportClause.elements) if (local.get((e.propertyName ?? e.name).text)) names.push(e.name.text);
    }
  }
  return names;
}

/** What is wrong with one file's name under the rule, or null. */
export function fileNameProblem(file: string, source: string): string | null {
  if (!doesIo(file, source)) return null;
  const fns = exportedFunctionsOf(file, source);
  const base = file.replace(/^.*\//, "").replace(/\.[cm]?[jt]sx?$/, "");
  if (fns.length > 1)
    return `${file} does I/O and exports ${fns.length} functions (${fns.join(", ")}): one file per operation, named for it`;
  if (fns.length === 1 && kebabCase(fns[0]!) !== base)
    return `${file} does I/O and exports ${fns[0]}: name the file ${kebabCase(fns[0]!)}.ts`;
  return null;
}
