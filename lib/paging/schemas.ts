import { z } from "zod";
import { destinationUrlProblem } from "../outbound/destination-url.ts";
import { ESCALATION_ACTIONS, OPSGENIE_RESPONDER_TYPES, PAGING_KINDS } from "./constants.ts";

const ZResponder = z.object({
  type: z.enum(OPSGENIE_RESPONDER_TYPES, { error: `responders[].type must be one of ${OPSGENIE_RESPONDER_TYPES.join(", ")}` }),
  name: z
    .string({ error: "responders[].name is required" })
    .trim()
    .min(1, "responders[].name is required")
    .max(200, "responders[].name must be at most 200 characters"),
});

const ZWebhookUrl = z
  .string({ error: "url is required" })
  .trim()
  .min(1, "url is required")
  .max(2000, "url must be at most 2,000 characters")
  .superRefine((value, ctx) => {
    const problem = destinationUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `url ${problem}` });
  });

/**
 * A team's paging route. `key` is the PagerDuty integration (routing) key or the Opsgenie API
 * key: write-only, required when the route is created or its kind changes, kept when omitted.
 */
export const ZSetPagingRoute = z
  .object({
    kind: z.enum(PAGING_KINDS, { error: `kind must be one of ${PAGING_KINDS.join(", ")}` }),
    key: z
      .string({ error: "key must be text" })
      .trim()
      .min(8, "key is too short to be a PagerDuty routing key or Opsgenie API key")
      .max(200, "key must be at most 200 characters")
      .regex(/^[A-Za-z0-9_-]+$/, "key has characters no PagerDuty or Opsgenie key has")
      .optional(),
    url: ZWebhookUrl.optional(),
    responders: z.array(ZResponder).max(20, "at most 20 responders").default([]),
    escalateAfterMinutes: z
      .number({ error: "escalateAfterMinutes must be a number of minutes" })
      .int()
      .min(1, "escalateAfterMinutes must be 1–1440")
      .max(1440, "escalateAfterMinutes must be 1–1440")
      .nullable()
      .default(null),
    escalation: z.enum(ESCALATION_ACTIONS, { error: `escalation must be one of ${ESCALATION_ACTIONS.join(", ")}` }).default("repeat"),
    escalationTeamId: z.uuid({ error: "escalationTeamId must be a team id" }).nullable().default(null),
    isEnabled: z.boolean({ error: "isEnabled must be true or false" }).default(true),
    rotateSecret: z.literal(true, { error: "rotateSecret must be true" }).optional(),
  })
  .strict();
export type TSetPagingRoute = z.input<typeof ZSetPagingRoute>;

export const ZPageTeam = z
  .object({
    teamId: z.uuid({ error: "teamId must be a team id" }).optional(),
    // The composer's `/page <team>: why` names the team.
    team: z.string({ error: "team must be a team name" }).trim().min(1, "team must name a team").max(200).optional(),
    reason: z.string({ error: "reason must be text" }).trim().max(500, "reason must be at most 500 characters").default(""),
    // A second page while one is open: escalate it now instead of refusing.
    escalate: z.boolean({ error: "escalate must be true or false" }).default(false),
  })
  .refine((v) => v.teamId !== undefined || v.team !== undefined, { message: "teamId or team is required", path: ["teamId"] });
export type TPageTeam = z.input<typeof ZPageTeam>;

export const ZPagingSettings = z
  .object({
    sev1AutoPage: z.boolean({ error: "sev1AutoPage must be true or false" }),
  })
  .strict();
