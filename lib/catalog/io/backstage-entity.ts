import type { Draft } from "./draft.ts";
import { formatRef, refKey, type EntityRef } from "./entity-ref.ts";
import type { ImportIssue } from "./import-types.ts";
import type { Path, SourceDoc } from "./source.ts";

// The Backstage side of the mapping: entities as read from the documents, and small readers.

export const IMPORTED = ["component", "api", "system", "group", "user"] as const;
export type Kind = (typeof IMPORTED)[number];
export const KIND_LABEL: Record<Kind, string> = { component: "Component", api: "API", system: "System", group: "Group", user: "User" };

export interface Entity {
  doc: SourceDoc;
  kind: Kind;
  ref: EntityRef;
  name: string;
  metadata: Record<string, unknown>;
  spec: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

export const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
export const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const csv = (v: unknown): string[] | undefined =>
  str(v)
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function locatorFor(doc: SourceDoc): (path: Path) => { line: number; field: string } {
  return (path) => ({ line: doc.lineOf(path), field: ["documents", doc.index, ...path].join(".") });
}

export function issue(entity: { doc: SourceDoc; kind: string; name: string }, path: Path, message: string): ImportIssue {
  return { name: entity.name, kind: entity.kind, ...locatorFor(entity.doc)(path), message };
}

/** Reads the documents as entities; reports the malformed ones and warns about skipped kinds. */
export function indexEntities(docs: SourceDoc[], draft: Draft): Entity[] {
  const seen = new Map<string, Entity>();
  for (const doc of docs) {
    const value = obj(doc.value);
    const metadata = obj(value.metadata);
    const rawKind = str(value.kind);
    const name = str(metadata.name);
    const at = { doc, kind: rawKind ?? "entity", name: name ?? "" };
    if (!rawKind || !name) {
      draft.issues.push(
        issue(at, rawKind ? ["metadata", "name"] : ["kind"], "not a Backstage entity: kind and metadata.name are required"),
      );
      continue;
    }
    const kind = rawKind.toLowerCase() as Kind;
    if (!IMPORTED.includes(kind)) {
      draft.warnings.push(issue(at, ["kind"], `kind ${rawKind} is not imported (Warroom imports Component, API, System and Group)`));
      continue;
    }
    const namespace = (str(metadata.namespace) ?? "default").toLowerCase();
    const entity: Entity = {
      doc,
      kind,
      ref: { kind, namespace, name },
      name,
      metadata,
      spec: obj(value.spec),
      annotations: obj(metadata.annotations),
    };
    const earlier = seen.get(refKey(entity.ref));
    if (earlier)
      draft.issues.push(
        issue(
          { ...at, kind: KIND_LABEL[kind] },
          ["metadata", "name"],
          `duplicate entity ${formatRef(entity.ref)} (first on line ${earlier.doc.line})`,
        ),
      );
    else seen.set(refKey(entity.ref), entity);
  }
  return [...seen.values()];
}

/** The Warroom name of every team, service and system of the file, by entity key. */
export function nameEntities(entities: Entity[]): Map<string, string> {
  const names = new Map<string, string>();
  const title = (e: Entity) => str(e.metadata.title) ?? e.name;
  for (const e of entities) {
    if (e.kind === "group") names.set(refKey(e.ref), str(obj(e.spec.profile).displayName) ?? title(e));
    if (e.kind === "component" || e.kind === "system") names.set(refKey(e.ref), title(e));
  }
  const componentNames = new Set(entities.filter((e) => e.kind === "component").map(title));
  for (const e of entities.filter((x) => x.kind === "api")) {
    names.set(refKey(e.ref), componentNames.has(title(e)) ? `${title(e)} (API)` : title(e));
  }
  return names;
}
