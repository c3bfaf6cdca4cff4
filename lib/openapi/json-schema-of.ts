import { z } from "zod";
import type { JsonSchema } from "./types.ts";

/** Marks a part of a zod schema JSON Schema cannot express; the unit test fails when one appears. */
export const UNREPRESENTABLE = "x-warroom-unrepresentable";

// Formats JSON Schema names itself: zod's regex for them is an implementation detail that makes
// the document unreadable, and clients validate the format anyway.
const NAMED_FORMATS = new Set(["uuid", "date-time", "date", "time", "email", "uri", "url"]);

/** Drops what makes a generated schema hard to read and adds nothing a client needs. */
export function tidyJsonSchema({ jsonSchema }: { jsonSchema: JsonSchema }): void {
  if (typeof jsonSchema.format === "string" && NAMED_FORMATS.has(jsonSchema.format)) delete jsonSchema.pattern;
  // z.number().int() adds the safe-integer range: noise to a reader, not a real limit.
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
}

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 embeds it) of what a client may send to a zod schema:
 * `io: "input"` describes the accepted input, before transforms and defaults. Refinements (a time
 * not in the future, a known currency) have no JSON Schema form and are left to the descriptions.
 */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-2020-12",
    unrepresentable: ({ path }) => ({ [UNREPRESENTABLE]: path.join(".") || "(root)" }),
    override: tidyJsonSchema,
  }) as JsonSchema;
  delete out.$schema;
  return out;
}
