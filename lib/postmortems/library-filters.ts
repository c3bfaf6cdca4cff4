// Client-safe: the library's filters, shared by the page's form and the API.
import { z } from "zod";
import { ZIncludeDrills } from "../incident-record/include-drills.ts";
import { JOURNEYS } from "../vocabulary/catalog.ts";
import { SEVERITIES } from "../vocabulary/incidents.ts";

export const LIBRARY_STATUSES = ["published", "in_review", "draft", "all"] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

const emptyAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const day = (field: string) => z.preprocess(emptyAsUndefined, z.iso.date({ error: `${field} must be a date (YYYY-MM-DD)` }).optional());

export const ZLibraryFilters = z.object({
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(200, "q must be at most 200 characters").optional()),
  status: z.preprocess(
    emptyAsUndefined,
    z.enum(LIBRARY_STATUSES, { error: `status must be one of ${LIBRARY_STATUSES.join(", ")}` }).optional(),
  ),
  severity: z.preprocess(emptyAsUndefined, z.enum(SEVERITIES, { error: `severity must be one of ${SEVERITIES.join(", ")}` }).optional()),
  serviceId: z.preprocess(emptyAsUndefined, z.uuid({ error: "serviceId must be a service id" }).optional()),
  teamId: z.preprocess(emptyAsUndefined, z.uuid({ error: "teamId must be a team id" }).optional()),
  journey: z.preprocess(emptyAsUndefined, z.enum(JOURNEYS, { error: `journey must be one of ${JOURNEYS.join(", ")}` }).optional()),
  from: day("from"),
  to: day("to"),
  /** `drills=include` lists drills' post-mortems too; left out by default. */
  drills: ZIncludeDrills,
});
export type TLibraryFilters = z.input<typeof ZLibraryFilters>;
export type LibraryFilters = z.output<typeof ZLibraryFilters>;
