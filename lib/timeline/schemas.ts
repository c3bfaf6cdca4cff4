import { z } from "zod";
import { CLOCK_SKEW_MS, MAX_BODY_LENGTH, POSTABLE_KINDS } from "./constants.ts";

export const ZPostEvent = z.object({
  kind: z.enum(POSTABLE_KINDS, { error: `kind must be one of ${POSTABLE_KINDS.join(", ")}` }),
  body: z
    .string({ error: "body is required" })
    .trim()
    .min(1, "body must not be empty")
    .max(MAX_BODY_LENGTH, `body must be at most ${MAX_BODY_LENGTH.toLocaleString("en")} characters`),
  clientId: z
    .string()
    .min(8, "clientId must be at least 8 characters")
    .max(100, "clientId must be at most 100 characters")
    .regex(/^[A-Za-z0-9_-]+$/, "clientId may contain only letters, digits, - and _")
    .optional(),
  occurredAt: z.iso
    .datetime({ offset: true, error: "occurredAt must be an ISO 8601 date-time" })
    // zod 4 runs refinements after a failed format check; a non-date is not "in the future".
    .refine((v) => Number.isNaN(Date.parse(v)) || Date.parse(v) <= Date.now() + CLOCK_SKEW_MS, "occurredAt cannot be in the future")
    .optional(),
});
export type TPostEvent = z.input<typeof ZPostEvent>;

export const ZListEvents = z
  .object({
    after: z.coerce.number({ error: "after must be a number" }).int("after must be a whole number").min(0, "after must be 0 or more").optional(),
    before: z.coerce.number({ error: "before must be a number" }).int("before must be a whole number").min(1, "before must be 1 or more").optional(),
    limit: z.coerce.number({ error: "limit must be a number" }).int("limit must be a whole number").min(1, "limit must be 1 or more").max(500, "limit must be at most 500").default(100),
  })
  .refine((q) => q.after === undefined || q.before === undefined, {
    message: "use either after or before, not both",
    path: ["before"],
  });
export type TListEvents = z.input<typeof ZListEvents>;
