import { z } from "zod";
import { AppError, notFound } from "./app-error.ts";

const ZId = z.uuid();

/** A 422 pointing the form (or API client) at one field, in the same shape zod errors take. */
export function invalidField(field: string, message: string): AppError {
  return new AppError("validation_failed", `Invalid input — ${field}: ${message}`, { fields: [{ field, message }] });
}

/** A malformed id cannot name anything of ours: answer like a foreign one, with a 404. */
export function assertId(id: string, what: string): void {
  if (!ZId.safeParse(id).success) throw notFound(what);
}
