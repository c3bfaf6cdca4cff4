import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Reads the imports of lib/ as text (no compiler): static `import … from`, side-effect `import "…"`,
// `export … from`, dynamic `import("…")` and `declare module "…"`, type-only ones included.

export interface LibImport {
  /** The importing file, relative to the repository root (`lib/timeline/post-event.ts`). */
  file: string;
  /** The specifier as written. */
  specifier: string;
  /** The lib/ module it names, relative to the repository root (`lib/realtime/emit.ts`). */
  target: string;
}

const IMPORT =
  /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\bdeclare\s+module\s+["']([^"']+)["']/g;

/** The lib/ folder a module belongs to: `lib/<folder>/…`, or the file's own name for `lib/env.ts`. */
export function libFolderOf(libPath: string): string {
  const parts = libPath.split("/");
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.[cm]?[jt]sx?$/, "");
}

/** Every import in one source text that names a module in lib/ (npm packages and node: are left out). */
export function libImportsOf(file: string, source: string): LibImport[] {
  const found: LibImport[] = [];
  // Comments can quote imports (`see "../timeline/x.ts"`); strip them first, keeping strings.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1");
  for (const match of code.matchAll(IMPORT)) {
    const specifier = (match[1] ?? match[2] ?? match[3])!;
    let target: string;
    if (specifier.startsWith("@/")) target = specifier.slice(2);
    else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    else continue;
    if (target.startsWith("lib/")) found.push({ file, specifier, target });
  }
  return found;
}

/** The source files under lib/ (generated Prisma client left out: it imports only itself). */
export function libSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) {
        if (child !== "lib/db/generated") walk(child);
      } else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) files.push(child);
    }
  };
  walk("lib");
  return files.sort();
}

export function readLibImports(root: string): LibImport[] {
  return libSourceFiles(root).flatMap((file) => libImportsOf(file, readFileSync(path.join(root, file), "utf8")));
}

/**
 * Imports that go against the layers: bottom layer first; a folder may import its own files and
 * any folder of a lower layer, nothing beside or above it. A folder missing from the table is an
 * error too, so a new folder is placed on purpose.
 */
export function layerProblems(
  imports: LibImport[],
  layers: readonly (readonly string[])[],
  folders: Iterable<string>,
  /** Known upward imports, `file -> target`: each must still exist, so the list only shrinks. */
  exceptions: readonly string[] = [],
): string[] {
  const layerOf = new Map<string, number>();
  layers.forEach((names, index) => names.forEach((name) => layerOf.set(name, index)));
  const problems: string[] = [];
  for (const folder of folders) {
    if (!layerOf.has(folder))
      problems.push(`lib/${folder} is in no layer: add it to the table in tests/unit/lib-layers.test.ts (and the README picture)`);
  }
  const unused = new Set(exceptions);
  for (const { file, specifier, target } of imports) {
    if (unused.delete(`${file} -> ${target}`)) continue;
    const from = libFolderOf(file);
    const to = libFolderOf(target);
    if (from === to) continue;
    const fromLayer = layerOf.get(from);
    const toLayer = layerOf.get(to);
    if (fromLayer === undefined || toLayer === undefined) continue;
    if (toLayer >= fromLayer) {
      const where = toLayer === fromLayer ? "beside it, in the same layer" : "above it";
      problems.push(
        `${file} imports "${specifier}": lib/${from} (layer ${fromLayer}) may not import lib/${to} (layer ${toLayer}, ${where})`,
      );
    }
  }
  for (const gone of unused) problems.push(`exception "${gone}" no longer happens: remove it from the list`);
  return problems;
}
