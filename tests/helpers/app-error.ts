import type { AppError } from "../../lib/errors/app-error.ts";
import { toAppError, type FieldError } from "../../lib/errors/to-app-error.ts";

/**
 * What the API would answer for a rejected domain call: domain functions throw ZodErrors and
 * Prisma errors as they come, and the HTTP layer maps them with toAppError.
 */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return toAppError(error);
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** The field names a validation error points the user at. */
export function fieldsOf(error: AppError): string[] {
  const details = error.details as { fields?: FieldError[] } | undefined;
  return (details?.fields ?? []).map((f) => f.field);
}

/** Asserts a call is refused with `code` (and, for a 422, that it names `field`). */
export async function expectAppError(promise: Promise<unknown>, code: AppError["code"], field?: string): Promise<AppError> {
  const error = await appErrorOf(promise);
  if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`);
  if (field !== undefined && !fieldsOf(error).includes(field))
    throw new Error(`expected the error to name ${field}, got ${fieldsOf(error).join(", ") || "no field"}`);
  return error;
}
