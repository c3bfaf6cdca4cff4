import { ZCreateActionItem, ZListActionItems, ZUpdateActionItem } from "../../action-items/schemas.ts";
import { ref } from "../response-schemas.ts";
import type { ApiOperation } from "../types.ts";
import { EVERYONE, WRITERS } from "./roles.ts";

const list = (order: string) => ({
  200: {
    description: `\`{ items: [ActionItem], today }\`, ${order}. \`today\` is the organisation's calendar day ("YYYY-MM-DD"), so a client tells overdue items apart the same way.`,
    schema: {
      type: "object",
      properties: { items: { type: "array", items: ref("ActionItem") }, today: { type: "string", format: "date" } },
      required: ["items", "today"],
    },
  },
});
const owner =
  "An owner is a person or a team, not both: setting one clears the other; giving both is a 422 naming `ownerTeamId`, an owner outside the organisation a 422 naming `ownerUserId` or `ownerTeamId`.";
const id = { id: "The action item's id." };

export const ACTION_ITEM_OPERATIONS: ApiOperation[] = [
  {
    method: "GET",
    path: "/api/action-items",
    operationId: "listActionItems",
    tag: "Follow-ups",
    summary: "Follow-ups across all post-mortems",
    description:
      "Still-open items by default (`status=open,in_progress`); narrow to one person or team with `ownerUserId` or `ownerTeamId`.",
    auth: "session-or-token",
    roles: EVERYONE,
    params: {
      status: "Comma-separated statuses among open, in_progress, done, wont_do (default open,in_progress).",
      ownerUserId: "Only items this person owns.",
      ownerTeamId: "Only items this team owns.",
    },
    query: ZListActionItems,
    responses: list("overdue first, then by due date, then undated"),
  },
  {
    method: "GET",
    path: "/api/postmortems/{id}/action-items",
    operationId: "listPostmortemActionItems",
    tag: "Follow-ups",
    summary: "A post-mortem's action items",
    auth: "session-or-token",
    roles: EVERYONE,
    params: { id: "The post-mortem's id." },
    responses: list("in the order added"),
  },
  {
    method: "POST",
    path: "/api/postmortems/{id}/action-items",
    operationId: "createActionItem",
    tag: "Follow-ups",
    summary: "Add an action item to a post-mortem",
    description: `\`dueDate\` is a calendar day (YYYY-MM-DD); \`ticketUrl\` an http(s) link to the tracker. ${owner}`,
    auth: "session-or-token",
    roles: WRITERS,
    params: { id: "The post-mortem's id." },
    body: { schema: ZCreateActionItem },
    responses: { 201: { description: "The new item.", schema: ref("ActionItem") } },
  },
  {
    method: "PATCH",
    path: "/api/action-items/{id}",
    operationId: "updateActionItem",
    tag: "Follow-ups",
    summary: "Change an action item",
    description: `Any field of the create body; \`null\` clears an optional one. Moving to \`done\` stamps \`completedAt\`. ${owner}`,
    auth: "session-or-token",
    roles: WRITERS,
    params: id,
    body: { schema: ZUpdateActionItem },
    responses: { 200: { description: "The item after the change.", schema: ref("ActionItem") } },
  },
  {
    method: "DELETE",
    path: "/api/action-items/{id}",
    operationId: "deleteActionItem",
    tag: "Follow-ups",
    summary: "Delete an action item",
    description: "Gone for good; to keep the record of a follow-up you decided against, set its status to `wont_do` instead.",
    auth: "session-or-token",
    roles: WRITERS,
    params: id,
    responses: {
      200: {
        description: "`{ id, deleted: true }`.",
        schema: {
          type: "object",
          properties: { id: { type: "string", format: "uuid" }, deleted: { const: true } },
          required: ["id", "deleted"],
        },
      },
    },
  },
];
