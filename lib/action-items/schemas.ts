import { z } from "zod";
import { ACTION_ITEM_PRIORITIES, ACTION_ITEM_STATUSES } from "./constants.ts";

const ZUuidOrNull = (field: string) => z.uuid({ error: `${field} must be a user id` }).nullable();

// http(s) only: a ticket link is shown as a link, and javascript: URLs must never reach an href.
const ZTicketUrl = z
  .string()
  .trim()
  .max(2000, "ticketUrl must be at most 2,000 characters")
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "ticketUrl must be an http(s) URL")
  .nullable();

/** A calendar day, "2026-12-24": due dates have no time of day. */
const ZDueDate = z.iso.date({ error: "dueDate must be a date (YYYY-MM-DD)" }).nullable();

const fields = {
  title: z.string({ error: "title is required" }).trim().min(1, "title is required").max(200, "title must be at most 200 characters"),
  description: z.string().trim().max(5000, "description must be at most 5,000 characters"),
  ownerUserId: ZUuidOrNull("ownerUserId"),
  ownerTeamId: z.uuid({ error: "ownerTeamId must be a team id" }).nullable(),
  dueDate: ZDueDate,
  priority: z.enum(ACTION_ITEM_PRIORITIES, { error: `priority must be one of ${ACTION_ITEM_PRIORITIES.join(", ")}` }),
  status: z.enum(ACTION_ITEM_STATUSES, { error: `status must be one of ${ACTION_ITEM_STATUSES.join(", ")}` }),
  ticketUrl: ZTicketUrl,
};

// An item has one owner: a person or a team, not both.
const oneOwner = (v: { ownerUserId?: string | null; ownerTeamId?: string | null }) => !(v.ownerUserId && v.ownerTeamId);
const oneOwnerIssue = { message: "give the item one owner: a person or a team, not both", path: ["ownerTeamId"] };

export const ZCreateActionItem = z
  .object({
    ...fields,
    description: fields.description.optional(),
    ownerUserId: fields.ownerUserId.optional(),
    ownerTeamId: fields.ownerTeamId.optional(),
    dueDate: fields.dueDate.optional(),
    priority: fields.priority.optional(),
    status: fields.status.optional(),
    ticketUrl: fields.ticketUrl.optional(),
  })
  .strict()
  .refine(oneOwner, oneOwnerIssue);
export type TCreateActionItem = z.input<typeof ZCreateActionItem>;

export const ZUpdateActionItem = z.object(fields).partial().strict().refine(oneOwner, oneOwnerIssue);
export type TUpdateActionItem = z.input<typeof ZUpdateActionItem>;

export const ZListActionItems = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : undefined))
    .pipe(z.array(z.enum(ACTION_ITEM_STATUSES, { error: `status must be among ${ACTION_ITEM_STATUSES.join(", ")}` })).optional()),
  ownerUserId: z.uuid({ error: "ownerUserId must be a user id" }).optional(),
  ownerTeamId: z.uuid({ error: "ownerTeamId must be a team id" }).optional(),
});
export type TListActionItems = z.input<typeof ZListActionItems>;
