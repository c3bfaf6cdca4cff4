/**
 * Backstage entity references: `[kind:][namespace/]name`, e.g. `group:default/payments`,
 * `component:cart`, `payments`. As in Backstage, the kind a field expects fills in a missing
 * kind (spec.owner → group, providesApis → api…), the referring entity's own namespace fills
 * in a missing namespace (itself "default" unless set), and comparisons ignore case.
 */
export interface EntityRef {
  kind: string;
  namespace: string;
  name: string;
}

export function parseEntityRef(raw: unknown, defaults: { kind?: string; namespace: string }): EntityRef | null {
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  const colon = text.indexOf(":");
  const kind = colon >= 0 ? text.slice(0, colon) : defaults.kind;
  const rest = colon >= 0 ? text.slice(colon + 1) : text;
  const slash = rest.indexOf("/");
  const namespace = slash >= 0 ? rest.slice(0, slash) : defaults.namespace;
  const name = slash >= 0 ? rest.slice(slash + 1) : rest;
  if (!kind || !namespace || !name || name.includes("/") || name.includes(":")) return null;
  return { kind: kind.toLowerCase(), namespace: namespace.toLowerCase(), name };
}

/** The key entities are compared by: `kind:namespace/name`, all lower case. */
export function refKey(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
}

export function formatRef(ref: EntityRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`;
}
