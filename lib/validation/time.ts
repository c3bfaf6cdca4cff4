// Client-safe: the one rule for instants people type or send. A floor keeps back-dated
// incidents inside what the impact maths and Postgres handle (year 0000 is not a Postgres date,
// and a start in 1900 made loss sums walk a century); a ceiling does the same for the future.
import { z } from "zod";
import { CLOCK_SKEW_MS } from "../vocabulary/timeline.ts";

export const TIME_FLOOR = "2000-01-01T00:00:00Z";
export const TIME_CEILING = "2100-01-01T00:00:00Z";
const FLOOR_MS = Date.parse(TIME_FLOOR);
const CEILING_MS = Date.parse(TIME_CEILING);

const parsed = (v: string) => Date.parse(v);
// zod 4 runs refinements after a failed format check: an unparseable value fails only the format.
const atOrAfterFloor = (v: string) => Number.isNaN(parsed(v)) || parsed(v) >= FLOOR_MS;
const beforeCeiling = (v: string) => Number.isNaN(parsed(v)) || parsed(v) < CEILING_MS;

/** An ISO 8601 instant from 2000-01-01 up to (not including) 2100-01-01. */
export const ZInstant = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO 8601 date-time` })
    .refine(atOrAfterFloor, `${field} must be on or after 2000-01-01`)
    .refine(beforeCeiling, `${field} must be before 2100-01-01`);

/** An instant something happened: from 2000-01-01 and not ahead of the server's clock. */
export const ZPastInstant = (field: string) =>
  z.iso
    .datetime({ offset: true, error: `${field} must be an ISO 8601 date-time` })
    .refine(atOrAfterFloor, `${field} must be on or after 2000-01-01`)
    .refine((v) => Number.isNaN(parsed(v)) || parsed(v) <= Date.now() + CLOCK_SKEW_MS, `${field} cannot be in the future`);
