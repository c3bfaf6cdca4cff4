import { z } from "zod";
import { ZName, ZText } from "../validation/text.ts";
import { HEALTH_STATES, JOURNEYS, SERVICE_KINDS } from "../vocabulary/catalog.ts";
import { healthCheckUrlProblem } from "./health-check-policy.ts";

// One set of rules for every way into the catalog: the edit pages, the REST API and imports.
// Names are how people (and imports) refer to teams and services, so they are unique per org.

// NFKC and no zero-width characters, so "Pay\u200Bments" cannot sit beside "Payments".
const name = (field: string) => ZName(field, { min: 1, max: 120 });

const httpUrl = (field: string) =>
  z
    .string()
    .trim()
    .max(2000, `${field} must be at most 2,000 characters`)
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === "http:" || u.protocol === "https:";
      } catch {
        return false;
      }
    }, `${field} must be an http(s) URL`);

/** "" and null both clear an optional URL. */
const optionalUrl = (field: string) => z.union([z.literal("").transform(() => null), z.null(), httpUrl(field)]).optional();

/** A URL the server itself will call: refused when it names an internal address (SSRF). */
const healthUrl = (field: string) =>
  z
    .union([
      z.literal("").transform(() => null),
      z.null(),
      httpUrl(field).superRefine((v, ctx) => {
        const problem = healthCheckUrlProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: `${field} ${problem}` });
      }),
    ])
    .optional();

export const ZTeamInput = z.object({
  name: name("name"),
  chatChannel: ZText("chatChannel", { max: 120 }).nullish(),
  description: ZText("description", { max: 2000, isMultiLine: true }).optional(),
  onCall: z
    .array(ZText("onCall", { max: 200 }).min(1, "each onCall contact must be non-empty"))
    .max(10, "onCall has at most 10 contacts")
    .optional(),
  escalationContact: ZText("escalationContact", { max: 200 }).optional(),
  /** User ids of the organisation. */
  memberIds: z.array(z.uuid("each memberIds entry must be a user id")).max(500).optional(),
});
export type TTeamInput = z.input<typeof ZTeamInput>;

export const ZServiceInput = z.object({
  name: name("name"),
  kind: z.enum(SERVICE_KINDS, { error: `kind must be one of ${SERVICE_KINDS.join(", ")}` }).optional(),
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "tier must be 1, 2 or 3" }).optional(),
  teamId: z.uuid("teamId must be a team id"),
  journeys: z
    .array(z.enum(JOURNEYS, { error: `each journey must be one of ${JOURNEYS.join(", ")}` }))
    .max(JOURNEYS.length)
    .optional(),
  description: ZText("description", { max: 2000, isMultiLine: true }).optional(),
  runbookUrl: optionalUrl("runbookUrl"),
  healthCheckUrl: healthUrl("healthCheckUrl"),
  system: ZText("system", { max: 120 }).optional(),
  /** Other names alerts use for the service ("payment-gateway"); matched like the name. */
  aliases: z
    .array(ZText("each alias", { min: 1, max: 120 }))
    .max(20, "aliases has at most 20 entries")
    .optional(),
  /** Poll healthCheckUrl. An imported URL starts off until a person turns it on. */
  healthCheckEnabled: z.boolean({ error: "healthCheckEnabled must be true or false" }).optional(),
});
export type TServiceInput = z.input<typeof ZServiceInput>;

export const ZDependencyInput = z.object({
  fromId: z.uuid("fromId must be a service id"),
  toId: z.uuid("toId must be a service id"),
  isAsync: z.boolean({ error: "isAsync must be true or false" }).optional(),
  isCritical: z.boolean({ error: "isCritical must be true or false" }).optional(),
});
export type TDependencyInput = z.input<typeof ZDependencyInput>;

export const ZHealthReport = z.object({
  status: z.enum(HEALTH_STATES.filter((h) => h !== "unknown") as ["ok", "degraded", "down"], {
    error: "status must be one of ok, degraded, down",
  }),
  message: ZText("message", { max: 500, isMultiLine: true }).optional().default(""),
});
export type THealthReport = z.input<typeof ZHealthReport>;

// Edits change only the fields they send; the same rules apply to each one.
// Strict: a key the API does not know is a mistake to report (422 naming it), not to ignore.
export const ZTeamPatch = ZTeamInput.partial().strict();
export type TTeamPatch = z.input<typeof ZTeamPatch>;
export const ZServicePatch = ZServiceInput.partial().strict();
export type TServicePatch = z.input<typeof ZServicePatch>;
/** "This service depends on toId": the service is the one in the URL. */
export const ZAddDependency = ZDependencyInput.omit({ fromId: true });
export type TAddDependency = z.input<typeof ZAddDependency>;
export const ZDependencyPatch = ZDependencyInput.pick({ isAsync: true, isCritical: true }).strict();
export type TDependencyPatch = z.input<typeof ZDependencyPatch>;
