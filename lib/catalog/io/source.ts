import { LineCounter, parseAllDocuments, type Document } from "yaml";
import type { ImportIssue } from "./import-types.ts";

export type Path = readonly (string | number)[];

/** One parsed document of the submitted text, able to say where any of its values was written. */
export interface SourceDoc {
  /** 0-based position among the non-empty documents. */
  index: number;
  value: unknown;
  /** Line where the document's content starts. */
  line: number;
  /** 1-based line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: Path): number;
}

export interface ParsedSource {
  docs: SourceDoc[];
  /** Syntax errors, each with its line; when there are any, `docs` should not be trusted. */
  errors: ImportIssue[];
}

// "Map keys must be unique at line 10, column 21:\n\n<snippet>" → "Map keys must be unique".
function shortMessage(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * Parses JSON or YAML (one or many `---` documents). JSON is read by the YAML parser too (YAML
 * 1.2 is a superset of JSON), so both get line numbers from the same place.
 */
export function parseSource(text: string): ParsedSource {
  const counter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true });
  const all: Document[] = Array.isArray(parsed) ? parsed : [];
  const errors: ImportIssue[] = [];
  const docs: SourceDoc[] = [];
  const lineAt = (offset: number) => counter.linePos(offset).line;

  for (const doc of all) {
    for (const e of doc.errors) {
      errors.push({ name: "", kind: "file", line: e.linePos?.[0].line ?? 1, field: "(file)", message: shortMessage(e.message) });
    }
    // Comment-only documents (a trailing `---`, a licence header) carry nothing.
    if (doc.contents === null) continue;
    const start = lineAt(doc.contents.range?.[0] ?? 0);
    let value: unknown;
    try {
      // The default alias limit stops "billion laughs" documents from expanding without end.
      value = doc.toJS() as unknown;
    } catch (error) {
      errors.push({
        name: "",
        kind: "file",
        line: start,
        field: "(file)",
        message: error instanceof Error ? shortMessage(error.message) : "unreadable document",
      });
      continue;
    }
    docs.push({
      index: docs.length,
      value,
      line: start,
      lineOf(path) {
        for (let n = path.length; n > 0; n--) {
          const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
          if (node && typeof node === "object" && node.range) return lineAt(node.range[0]);
        }
        return start;
      },
    });
  }
  return { docs, errors };
}
