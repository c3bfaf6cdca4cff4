// Client-safe: the one rule for text people (or their tools) send us. Postgres refuses NUL in
// text (error 22021, which surfaced as a 500), other control characters are invisible and can
// disguise a name, and a lone UTF-16 surrogate is not text at all. Line breaks and tabs are
// allowed where text may span lines; everything is trimmed and length-limited.
import { z } from "zod";

// C0 controls and DEL. Tab, LF and CR are allowed in multi-line text only.
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Characters that render as nothing and so make "Pay\u200Bments" look like "Payments".
const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

/** Why a string is not acceptable text, or null. */
export function textProblem(value: string, isMultiLine = true): string | null {
  if (value.includes("\u0000")) return "must not contain NUL characters";
  if ((isMultiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) return "must not contain control characters";
  if (LONE_SURROGATE.test(value)) return "must be valid Unicode text (it holds a lone surrogate)";
  return null;
}

export interface TextOptions {
  min?: number;
  max: number;
  /** Allows line breaks and tabs (bodies, summaries); names and titles are one line. */
  isMultiLine?: boolean;
}

/** User text: trimmed, no NUL or control characters, well-formed Unicode, within limits. */
export const ZText = (field: string, { min = 0, max, isMultiLine = false }: TextOptions) => {
  const text = z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .superRefine((v, ctx) => {
      const problem = textProblem(v, isMultiLine);
      if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}`, abort: true });
    })
    .trim();
  // No min(0): the API reference would describe it as "0–N characters".
  const bounded = min > 0 ? text.min(min, min === 1 ? `${field} is required` : `${field} must be at least ${min} characters`) : text;
  return bounded.max(max, `${field} must be at most ${max.toLocaleString("en-US")} characters`);
};

/**
 * A name that must be unique: NFKC-normalised (full-width and compatibility forms fold to one
 * spelling) with zero-width characters removed, so look-alikes compare equal.
 */
export const ZName = (field: string, options: Omit<TextOptions, "isMultiLine">) =>
  ZText(field, { ...options, isMultiLine: false })
    .transform((v) => normalizeName(v))
    .pipe(
      z
        .string()
        .min(options.min ?? 0, (options.min ?? 0) > 1 ? `${field} must be at least ${options.min} characters` : `${field} is required`),
    );

/** NFKC, no zero-width characters, inner runs of white space as one space, trimmed. */
export function normalizeName(value: string): string {
  return value.normalize("NFKC").replace(ZERO_WIDTH, "").replace(/\s+/g, " ").trim();
}

/** The key two names clash on where names are unique: normalised and case-folded. */
export function nameKey(value: string): string {
  return normalizeName(value).toLocaleLowerCase("en-US");
}

/** findBadText over a JSON text; null when it is fine or not JSON at all (its parser says so). */
export function findBadTextInJson(raw: string): { field: string; message: string } | null {
  let value: unknown;
  try {
    value = JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
  return findBadText(value);
}

/**
 * The first string anywhere in a parsed JSON value that is not acceptable text, with its path
 * ("journeys.checkout.note"), or null. Request bodies pass through this before any domain code,
 * so no field can carry NUL to the database whatever its schema says.
 */
export function findBadText(value: unknown, path: string[] = [], depth = 0): { field: string; message: string } | null {
  const here = () => path.join(".") || "(body)";
  if (typeof value === "string") {
    const problem = textProblem(value);
    return problem ? { field: here(), message: `${here()} ${problem}` } : null;
  }
  if (depth > 64 || typeof value !== "object" || value === null) return null;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const keyProblem = typeof key === "string" ? textProblem(key) : null;
    if (keyProblem) return { field: [...path, "(key)"].join("."), message: `a key ${keyProblem}` };
    const found = findBadText(child, [...path, String(key)], depth + 1);
    if (found) return found;
  }
  return null;
}
