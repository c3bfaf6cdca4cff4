import { ZCatalogEnvelope } from "./format.ts";
import type { Draft, DraftEntity } from "./draft.ts";
import type { ImportIssue } from "./import-types.ts";
import type { SourceDoc } from "./source.ts";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function fileIssue(doc: SourceDoc | undefined, path: (string | number)[], message: string): ImportIssue {
  return { name: "", kind: "file", line: doc ? doc.lineOf(path) : 1, field: path.join(".") || "(file)", message };
}

/** Reads a Warroom catalog file into draft entities; checking them is check-draft's job. */
export function readWarroomFile(docs: SourceDoc[]): Draft {
  const draft: Draft = { format: "warroom", teams: [], services: [], issues: [], warnings: [] };
  const [doc, extra] = docs;
  if (!doc) {
    draft.issues.push(fileIssue(undefined, [], "the file is empty"));
    return draft;
  }
  if (extra)
    draft.issues.push({ ...fileIssue(extra, [], "a Warroom catalog file has one document; this is a second one"), line: extra.line });
  if (!isObject(doc.value)) {
    draft.issues.push(fileIssue(doc, [], "the file must be an object with version, teams and services"));
    return draft;
  }
  const envelope = ZCatalogEnvelope.safeParse(doc.value);
  if (!envelope.success) {
    for (const i of envelope.error.issues) {
      const path = i.path.filter((p): p is string | number => typeof p !== "symbol");
      const message = i.code === "unrecognized_keys" ? `unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")}` : i.message;
      draft.issues.push(fileIssue(doc, path, message));
    }
  }
  const collect = (key: "teams" | "services", kind: "team" | "service"): DraftEntity[] => {
    const list = doc.value && isObject(doc.value) ? doc.value[key] : undefined;
    if (!Array.isArray(list)) return [];
    return list.flatMap((item: unknown, i): DraftEntity[] => {
      const locate = (path: readonly (string | number)[]) => ({ line: doc.lineOf([key, i, ...path]), field: [key, i, ...path].join(".") });
      if (!isObject(item)) {
        draft.issues.push({ name: "", kind, ...locate([]), message: `each ${kind} must be an object with a name` });
        return [];
      }
      return [{ kind, name: typeof item.name === "string" ? item.name.trim() : "", line: locate([]).line, value: item, locate }];
    });
  };
  draft.teams = collect("teams", "team");
  draft.services = collect("services", "service");
  return draft;
}
