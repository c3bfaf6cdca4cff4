import { z } from "zod";
import { ZText } from "../validation/text.ts";
import { ZPastInstant } from "../validation/time.ts";
import { SEVERITIES, STATUSES } from "../vocabulary/incidents.ts";

export const ZIncidentId = z.uuid();

export const ZDeclareIncident = z.object({
  title: ZText("title", { max: 200 }).min(3, "title must be at least 3 characters"),
  severity: z.enum(SEVERITIES, { error: "severity must be one of SEV1, SEV2, SEV3, SEV4" }),
  summary: ZText("summary", { max: 5000, isMultiLine: true }).optional().default(""),
});
export type TDeclareIncident = z.input<typeof ZDeclareIncident>;

const pastTime = ZPastInstant;

export const KEY_TIMES = ["startedAt", "detectedAt", "acknowledgedAt", "mitigatedAt", "resolvedAt"] as const;
export type KeyTime = (typeof KEY_TIMES)[number];

export const ZUpdateIncident = z
  .object({
    title: ZDeclareIncident.shape.title,
    summary: ZText("summary", { max: 5000, isMultiLine: true }),
    severity: ZDeclareIncident.shape.severity,
    status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(", ")}` }),
    customerStatus: ZText("customerStatus", { max: 280, isMultiLine: true }),
    tags: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9][a-z0-9_.:-]{0,39}$/, "each tag is 1–40 letters, digits, - _ . or :"),
      )
      .max(20, "at most 20 tags")
      .transform((tags) => [...new Set(tags)]),
    startedAt: pastTime("startedAt"),
    detectedAt: pastTime("detectedAt").nullable(),
    acknowledgedAt: pastTime("acknowledgedAt").nullable(),
    mitigatedAt: pastTime("mitigatedAt").nullable(),
    resolvedAt: pastTime("resolvedAt").nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change: send at least one field", path: ["(body)"] });
export type TUpdateIncident = z.input<typeof ZUpdateIncident>;

export const INCIDENT_ROLES = ["commander", "comms_lead", "scribe"] as const;
export type IncidentRoleName = (typeof INCIDENT_ROLES)[number];

export const ZSetIncidentRole = z.object({
  role: z.enum(INCIDENT_ROLES, { error: `role must be one of ${INCIDENT_ROLES.join(", ")}` }),
  userId: z.uuid({ error: "userId must be a user id" }).nullable(),
});

export const ZResponder = z.object({ userId: z.uuid({ error: "userId must be a user id" }) });

export const ZSetServices = z
  .object({
    serviceIds: z.array(z.uuid({ error: "serviceIds must hold service ids" })).max(200, "at most 200 services"),
  })
  .strict();
