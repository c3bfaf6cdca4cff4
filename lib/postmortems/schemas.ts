import { z } from "zod";
import { SEVERITIES } from "../vocabulary/incidents.ts";
import { ZName } from "../validation/text.ts";

export const ZPostmortemId = z.uuid();

export const ZCreatePostmortem = z.object({
  templateKey: z.string().trim().min(1, "templateKey names a template").max(80).optional(),
});

export const ZUpdatePostmortem = z
  .object({
    title: z
      .string({ error: "title is required" })
      .trim()
      .min(3, "title must be at least 3 characters")
      .max(200, "title must be at most 200 characters"),
  })
  .strict();

export const ZSaveSection = z
  .object({
    body: z.string({ error: "body is required" }).max(100_000, "body must be at most 100,000 characters"),
    baseVersion: z.number({ error: "baseVersion is required: the version your edit started from" }).int().min(1),
  })
  .strict();
export type TSaveSection = z.input<typeof ZSaveSection>;

export const ZRequestReview = z.object({
  reviewerIds: z
    .array(z.uuid({ error: "each reviewer is a user id" }))
    .min(1, "name at least one reviewer")
    .max(20),
});

export const ZReviewDecision = z.object({
  state: z.enum(["approved", "changes_requested"], { error: "state must be approved or changes_requested" }),
  comment: z.string().trim().max(2000, "comment must be at most 2,000 characters").optional().default(""),
});

const ZSectionKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "each section key is 1–40 lowercase letters, digits or _");

export const ZTemplateInput = z.object({
  // Unique per organisation ignoring case: normalised so look-alikes compare equal.
  name: ZName("name", { min: 2, max: 80 }),
  description: z.string().trim().max(500, "description must be at most 500 characters").optional().default(""),
  sections: z
    .array(
      z.object({
        key: ZSectionKey,
        title: z.string().trim().min(1, "each section needs a title").max(120),
        guidance: z.string().trim().max(2000).optional().default(""),
      }),
    )
    .min(1, "a template needs at least one section")
    .max(30, "a template has at most 30 sections")
    .refine((s) => new Set(s.map((x) => x.key)).size === s.length, "section keys must be unique"),
});
export type TTemplateInput = z.input<typeof ZTemplateInput>;

export const ZTemplatePatch = ZTemplateInput.partial().strict();

export const ZTemplateDefaults = z
  .object({
    defaults: z.partialRecord(z.enum(SEVERITIES), z.string().trim().min(1).max(80)),
  })
  .strict();
