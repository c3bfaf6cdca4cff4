// Client-safe: the one "include drills" filter of the incident list, insights and the library.
// Drills are practice: left out of real figures unless a person asks for them.
import { z } from "zod";

/** `?drills=include` (or `true`/`1`) includes practice incidents; anything else leaves them out. */
export const ZIncludeDrills = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.unknown()).transform((v) => v === "include" || v === "true" || v === "1");

/** The Prisma condition on an incident: none when drills are included, else real incidents only. */
export function drillCondition(includeDrills: boolean): { drillId?: null } {
  return includeDrills ? {} : { drillId: null };
}
