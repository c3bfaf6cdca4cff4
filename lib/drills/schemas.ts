// Client-safe: what starting a drill takes, shared by the start page and the API.
import { z } from "zod";
import { DRILL_SPEEDS, type DrillSpeed } from "./scenario-types.ts";
import { textProblem } from "../validation/text.ts";
import { MAX_SCENARIO_BYTES } from "./parse-scenario.ts";

export const ZStartDrill = z
  .object({
    scenarioKey: z.string().trim().min(1).max(100).optional(),
    yaml: z
      .string()
      .min(1, "yaml is empty")
      .max(MAX_SCENARIO_BYTES, "a scenario is at most 64 KB")
      .superRefine((v, ctx) => {
        // Stored as written: Postgres refuses NUL, and control characters hide in names.
        const problem = textProblem(v, true);
        if (problem) ctx.addIssue({ code: "custom", message: `yaml ${problem}` });
      })
      .optional(),
    speed: z
      .union(
        DRILL_SPEEDS.map((n) => z.literal(n)),
        { error: `speed must be one of ${DRILL_SPEEDS.join(", ")}` },
      )
      .default(1)
      .transform((v): DrillSpeed => v),
  })
  .strict()
  .refine((v) => (v.scenarioKey === undefined) !== (v.yaml === undefined), {
    message: "give either a scenarioKey or a yaml scenario",
    path: ["scenarioKey"],
  });
export type TStartDrill = z.infer<typeof ZStartDrill>;

export const ZDrillId = z.uuid({ error: "not a drill id" });
