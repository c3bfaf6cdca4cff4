import { z } from "zod";
import { SEVERITIES } from "./constants.ts";

export const ZIncidentId = z.uuid();

export const ZDeclareIncident = z.object({
  title: z
    .string({ error: "title is required" })
    .trim()
    .min(3, "title must be at least 3 characters")
    .max(200, "title must be at most 200 characters"),
  severity: z.enum(SEVERITIES, { error: "severity must be one of SEV1, SEV2, SEV3, SEV4" }),
  summary: z.string().trim().max(5000, "summary must be at most 5,000 characters").optional().default(""),
});
export type TDeclareIncident = z.input<typeof ZDeclareIncident>;
