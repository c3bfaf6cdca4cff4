// Client-safe: the one "include drills" filter of the incident list, insights and the library.
// Drills are practice: left out of real figures unless a person asks for them.
import { z } from "zod";

/** `?drills=include` (or `true`/`1`) includes practice incidents; anything else leaves them out. */
export const ZIncludeDrills = z
  .preprocess((v) => {
    const first = Array.isArray(v) ? (v[0] as unknown) : v;
    return typeof first === "string" ? first : undefined;
  }, z.string().max(20).optional().describe("`include` takes game-day drills' practice incidents in; left out by default."))
  .transform((v) => v === "include" || v === "true" || v === "1");

export const ZListIncidentsQuery = z.object({ drills: ZIncludeDrills });

/** The Prisma condition on an incident: none when drills are included, else real incidents only. */
export function drillCondition(includeDrills: boolean): { drillId?: null } {
  return includeDrills ? {} : { drillId: null };
}
