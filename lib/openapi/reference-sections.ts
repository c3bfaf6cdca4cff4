import { API_TOKEN_SCOPES, API_TOKEN_SCOPE_RANK, type ApiTokenScopeName } from "../auth/api-token-schemas.ts";
import type { RefResolver } from "./describe-schema.ts";
import type { HttpMethod, JsonSchema, OpenApiDocument, OpenApiOperation } from "./types.ts";

// The document arranged for reading: sections per tag in the tags' order, operations in the order
// the registry lists them. Pure, for the API reference page.

export interface ReferenceOperation {
  method: HttpMethod;
  path: string;
  operation: OpenApiOperation;
}

export interface ReferenceSection {
  name: string;
  description: string;
  /** The section's anchor. */
  slug: string;
  operations: ReferenceOperation[];
}

export const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export function sectionsOf(doc: OpenApiDocument): ReferenceSection[] {
  const all: ReferenceOperation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase() as HttpMethod, path, operation: operation! })),
  );
  return doc.tags
    .map((tag) => ({ ...tag, slug: slugOf(tag.name), operations: all.filter((o) => o.operation.tags[0] === tag.name) }))
    .filter((section) => section.operations.length > 0);
}

/** Resolves "#/components/…" pointers inside the document. */
export function resolverOf(doc: OpenApiDocument): RefResolver {
  return (ref) => {
    if (!ref.startsWith("#/")) return undefined;
    const found = ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (node, part) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined),
        doc,
      );
    return found !== null && typeof found === "object" ? (found as JsonSchema) : undefined;
  };
}

/** The token scopes that may call an operation needing `scope`: it and every broader one. */
export function scopesAtLeast(scope: ApiTokenScopeName): ApiTokenScopeName[] {
  return API_TOKEN_SCOPES.filter((s) => API_TOKEN_SCOPE_RANK[s] >= API_TOKEN_SCOPE_RANK[scope]);
}
