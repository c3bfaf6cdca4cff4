// Client-safe: the insights query, shared by the API and its OpenAPI description.
import { z } from "zod";
import { ZIncludeDrills } from "../incident-record/include-drills.ts";
import { INSIGHT_RANGES, type InsightRange } from "./insights-dto.ts";

/** `?weeks=4|12|26`, 12 when left out. */
export const ZInsightsQuery = z.object({
  weeks: z
    .preprocess(
      (v) => (v === undefined || v === "" ? undefined : Number(v)),
      z
        .union(
          INSIGHT_RANGES.map((n) => z.literal(n)),
          { error: `weeks must be one of ${INSIGHT_RANGES.join(", ")}` },
        )
        .optional(),
    )
    .transform((v): InsightRange => v ?? 12),
  /** `?drills=include` counts game-day drills too; left out by default (they are practice). */
  drills: ZIncludeDrills,
});
