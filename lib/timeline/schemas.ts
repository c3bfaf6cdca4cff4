import { z } from "zod";
import { CLOCK_SKEW_MS, EVENT_KINDS, MAX_BODY_LENGTH, POSTABLE_KINDS, type EventKindName } from "../vocabulary/timeline.ts";
import { dataSchemaFor } from "./event-data.ts";
import { ZText } from "../validation/text.ts";
import { ZPastInstant } from "../validation/time.ts";

const ZBody = ZText("body", { max: MAX_BODY_LENGTH, isMultiLine: true }).min(1, "body must not be empty");

/**
 * Validates `data` against its kind's schema, reporting issues as `data.<field>`. A refinement,
 * not a transform, so these issues are reported together with those of the other fields.
 */
function checkData(kind: string, data: unknown, ctx: z.RefinementCtx): void {
  const schema = dataSchemaFor(kind);
  if (!schema) return;
  if (data !== undefined && data !== null && (typeof data !== "object" || Array.isArray(data))) {
    ctx.addIssue({ code: "custom", path: ["data"], message: "data must be an object" });
    return;
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["data", ...issue.path], message: issue.message });
  }
}

/** The validated data of a kind (defaults filled in); null for kinds that carry none. */
const dataOf = (kind: string, data: unknown): Record<string, unknown> | null => dataSchemaFor(kind)?.parse(data ?? {}) ?? null;

/** A time someone says a thing happened: ISO 8601 and not ahead of the server's clock. */
const notInFuture = (v: string) => Number.isNaN(Date.parse(v)) || Date.parse(v) <= Date.now() + CLOCK_SKEW_MS;

export const ZPostEvent = z
  .object({
    kind: z.enum(POSTABLE_KINDS, { error: `kind must be one of ${POSTABLE_KINDS.join(", ")}` }),
    body: ZBody,
    // Kind-specific fields, checked per kind below (see event-data.ts); ignored for notes and decisions.
    data: z.unknown().optional(),
    clientId: z
      .string()
      .min(8, "clientId must be at least 8 characters")
      .max(100, "clientId must be at most 100 characters")
      .regex(/^[A-Za-z0-9_-]+$/, "clientId may contain only letters, digits, - and _")
      .optional(),
    occurredAt: ZPastInstant("occurredAt").optional(),
  })
  .superRefine((input, ctx) => checkData(input.kind, input.data, ctx))
  .transform((input) => ({ ...input, data: dataOf(input.kind, input.data) }));
export type TPostEvent = z.input<typeof ZPostEvent>;

/** A timeline entry's number in a path: anything else is an unknown entry (404), not bad input. */
export const ZEventSeq = z.coerce.number().int().min(1).max(2_147_483_647);

/** PATCH body: a correction of the text and/or a partial update of the kind's data. */
export const ZAmendEvent = z
  .object({
    body: ZBody.optional(),
    data: z.record(z.string(), z.unknown(), { error: "data must be an object" }).optional(),
  })
  .strict()
  .refine((v) => v.body !== undefined || v.data !== undefined, { message: "send body or data to change", path: ["body"] });
export type TAmendEvent = z.input<typeof ZAmendEvent>;

/** The entry's content after a change: the whole data re-validated for its kind. */
export function ZAmendedContent(kind: EventKindName) {
  return z
    .object({ body: ZBody, data: z.unknown() })
    .superRefine((input, ctx) => {
      checkData(kind, input.data, ctx);
      const ackAt = (input.data as { acknowledgedAt?: unknown } | null)?.acknowledgedAt;
      if (typeof ackAt === "string" && !notInFuture(ackAt)) {
        ctx.addIssue({ code: "custom", path: ["data", "acknowledgedAt"], message: "acknowledgedAt cannot be in the future" });
      }
    })
    .transform((input) => ({ body: input.body, data: dataOf(kind, input.data) }));
}

export const ZPinEvent = z.object({
  pinned: z.boolean({ error: "pinned must be true or false" }),
});
export type TPinEvent = z.input<typeof ZPinEvent>;

export const ZStrikeEvent = z.object({
  reason: z
    .string({ error: "reason is required: say why the entry is struck through" })
    .trim()
    .min(1, "reason must not be empty")
    .max(500, "reason must be at most 500 characters"),
});
export type TStrikeEvent = z.input<typeof ZStrikeEvent>;

/** "true"/"false" from a query string, or a boolean from a direct call. */
const zQueryBool = (name: string) =>
  z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: `${name} must be true or false` });

const ZKindList = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const kinds = (Array.isArray(value) ? value : value.split(",")).map((k) => k.trim()).filter(Boolean);
  const unknown = kinds.filter((k) => !(EVENT_KINDS as readonly string[]).includes(k));
  if (unknown.length || kinds.length === 0) {
    ctx.addIssue({ code: "custom", message: `kind must be a comma list of ${EVENT_KINDS.join(", ")}` });
    return z.NEVER;
  }
  return kinds as EventKindName[];
});

export const ZListEvents = z
  .object({
    after: z.coerce
      .number({ error: "after must be a number" })
      .int("after must be a whole number")
      .min(0, "after must be 0 or more")
      .optional(),
    before: z.coerce
      .number({ error: "before must be a number" })
      .int("before must be a whole number")
      .min(1, "before must be 1 or more")
      .optional(),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be 1 or more")
      .max(500, "limit must be at most 500")
      .default(100),
    // Filters for the history view. Catching up (`after`) is never filtered: a stream with holes
    // could not tell a missing entry from a filtered one.
    kind: ZKindList.optional(),
    author: z.uuid({ error: "author must be a user id" }).optional(),
    pinned: zQueryBool("pinned").optional(),
    q: z.string().trim().min(1, "q must not be empty").max(200, "q must be at most 200 characters").optional(),
    includeStruck: zQueryBool("includeStruck").optional(),
  })
  .refine((q) => q.after === undefined || q.before === undefined, {
    message: "use either after or before, not both",
    path: ["before"],
  })
  .refine((q) => q.after === undefined || !isFiltered(q), {
    message: "after cannot be combined with kind, author, pinned, q or includeStruck: catching up is never filtered",
    path: ["after"],
  });
export type TListEvents = z.input<typeof ZListEvents>;

/** Whether a list query asks for the filtered history view rather than the raw stream. */
export function isFiltered(q: { kind?: unknown; author?: unknown; pinned?: unknown; q?: unknown; includeStruck?: unknown }): boolean {
  return q.kind !== undefined || q.author !== undefined || q.pinned !== undefined || q.q !== undefined || q.includeStruck !== undefined;
}
