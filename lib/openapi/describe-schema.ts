import type { JsonSchema } from "./types.ts";

// Turns a JSON Schema into the rows a reader scans: each field with its type, whether it is
// required, and its rules in words. Pure, for the API reference page.

export interface SchemaField {
  /** Dotted path: "journeys.<key>.degradation", "tags[]". */
  path: string;
  depth: number;
  type: string;
  isRequired: boolean;
  constraints: string[];
  description?: string;
  /** The union branch this field belongs to ("action" for `data.outcome`). */
  variant?: string;
}

export type RefResolver = (ref: string) => JsonSchema | undefined;

const MAX_DEPTH = 6;
const asSchema = (value: unknown): JsonSchema | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : undefined;
const isNullSchema = (s: JsonSchema) => s.type === "null";
const literal = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));
const refName = (ref: string) => ref.split("/").pop() ?? ref;
const num = (n: number) => n.toLocaleString("en");
const FORMAT_WORDS: Record<string, string> = { "date-time": "ISO 8601 date-time", uri: "URL", url: "URL" };

function deref(schema: JsonSchema, resolve: RefResolver, seen: Set<string>): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || seen.has(ref)) return schema;
  const target = resolve(ref);
  return target
    ? { ...target, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$ref")), "x-ref": refName(ref) }
    : schema;
}

/** The readable type of a schema: "string", "integer | null", "array of string", "Incident". */
export function typeOf(schema: JsonSchema, resolve: RefResolver = () => undefined): string {
  if (typeof schema.$ref === "string") return refName(schema.$ref);
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const consts = branches.filter((b) => "const" in b);
    if (consts.length === branches.length) return typeOf({ type: typeof consts[0]?.const === "number" ? "number" : "string" });
    return [...new Set(branches.map((b) => (typeof b.title === "string" ? b.title : typeOf(b, resolve))))].join(" | ");
  }
  if (schema.type === "array") {
    const items = asSchema(schema.items);
    return items ? `array of ${typeOf(items, resolve)}` : "array";
  }
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (typeof schema.type === "string") return schema.type;
  if ("const" in schema) return typeof schema.const;
  if (Array.isArray(schema.enum)) return "string";
  return "any";
}

/** The rules of one schema in words, e.g. ["3–200 characters", "one of SEV1, SEV2"]. */
export function constraintsOf(schema: JsonSchema): string[] {
  const out: string[] = [];
  const range = (min: unknown, max: unknown, unit: string) => {
    const lo = typeof min === "number" ? min : undefined;
    const hi = typeof max === "number" ? max : undefined;
    if (lo !== undefined && hi !== undefined) out.push(lo === hi ? `exactly ${num(lo)}${unit}` : `${num(lo)}–${num(hi)}${unit}`);
    else if (lo !== undefined && lo > 0) out.push(`at least ${num(lo)}${unit}`);
    else if (hi !== undefined) out.push(`at most ${num(hi)}${unit}`);
  };
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minItems, schema.maxItems, " items");
  if (typeof schema.exclusiveMinimum === "number") out.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === "number") out.push(`< ${schema.exclusiveMaximum}`);
  const min = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const max = typeof schema.maximum === "number" ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) out.push(`${min}–${max}`);
  else if (min !== undefined) out.push(`≥ ${min}`);
  else if (max !== undefined) out.push(`≤ ${max}`);
  if (Array.isArray(schema.enum)) out.push(`one of ${schema.enum.map(literal).join(", ")}`);
  if ("const" in schema) out.push(`exactly ${literal(schema.const)}`);
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  const consts = branches?.filter((b) => "const" in b) ?? [];
  if (branches && consts.length === branches.length) out.push(`one of ${consts.map((b) => literal(b.const)).join(", ")}`);
  if (typeof schema.format === "string") out.push(FORMAT_WORDS[schema.format] ?? schema.format);
  if (typeof schema.pattern === "string") out.push(`matches ${schema.pattern}`);
  if ("default" in schema) out.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.additionalProperties === false) out.push("no other fields");
  return out;
}

/** A nullable schema (`anyOf [X, null]`) as X plus "| null"; anything else unchanged. */
function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; isNullable: boolean } {
  const branches = schema.anyOf as JsonSchema[] | undefined;
  if (!branches || branches.length !== 2 || !branches.some(isNullSchema)) return { schema, isNullable: false };
  const inner = branches.find((b) => !isNullSchema(b))!;
  const { anyOf: _anyOf, ...rest } = schema;
  return { schema: { ...inner, ...rest }, isNullable: true };
}

interface Walk {
  resolve: RefResolver;
  rows: SchemaField[];
  seen: Set<string>;
}

function walkChildren(schema: JsonSchema, path: string, depth: number, walk: Walk, variant?: string): void {
  if (depth > MAX_DEPTH) return;
  const s = deref(schema, walk.resolve, walk.seen);
  const ref = typeof schema.$ref === "string" ? schema.$ref : undefined;
  const seen = ref ? new Set([...walk.seen, ref]) : walk.seen;
  const next: Walk = { ...walk, seen };
  const prefix = path ? `${path}.` : "";
  const properties = asSchema(s.properties);
  if (properties) {
    const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
    for (const [name, child] of Object.entries(properties)) {
      const c = asSchema(child);
      if (c) walkField(c, `${prefix}${name}`, required.has(name), depth, next, variant);
    }
  }
  const extra = asSchema(s.additionalProperties);
  if (extra) walkField(extra, `${prefix}<key>`, false, depth, next, variant);
  const items = asSchema(s.items);
  if (s.type === "array" && items) walkChildren(items, `${path}[]`, depth, next, variant);
  const branches = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (branches && !properties) {
    for (const branch of branches) {
      const b = deref(branch, walk.resolve, seen);
      const label = typeof b.title === "string" ? b.title : undefined;
      if (asSchema(b.properties) || asSchema(b.items)) walkChildren(b, path, depth, next, label ?? variant);
    }
  }
}

function walkField(schema: JsonSchema, path: string, isRequired: boolean, depth: number, walk: Walk, variant?: string): void {
  const { schema: inner, isNullable } = unwrapNullable(schema);
  const resolved = deref(inner, walk.resolve, walk.seen);
  const type = typeOf(inner, walk.resolve);
  walk.rows.push({
    path,
    depth,
    type: isNullable ? `${type} | null` : type,
    isRequired,
    constraints: constraintsOf(resolved),
    ...(typeof resolved.description === "string" ? { description: resolved.description } : {}),
    ...(variant ? { variant } : {}),
  });
  walkChildren(inner, path, depth + 1, walk, variant);
}

/** Every field of a schema, parents before children; a top-level object's fields are at depth 0. */
export function describeSchema(schema: JsonSchema, resolve: RefResolver = () => undefined): SchemaField[] {
  const walk: Walk = { resolve, rows: [], seen: new Set() };
  walkChildren(schema, "", 0, walk);
  return walk.rows;
}
