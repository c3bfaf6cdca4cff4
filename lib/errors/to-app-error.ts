import { ZodError } from "zod";
import { AppError } from "./app-error.ts";

export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.flatMap((i) => {
    // A strict schema's unknown keys: name each key, so the sender sees which one to drop.
    if (i.code === "unrecognized_keys")
      return i.keys.map((key) => ({ field: [...i.path, key].join("."), message: `unknown field "${key}"` }));
    return [{ field: i.path.join(".") || "(body)", message: i.message }];
  });
}

export function validationError(error: ZodError): AppError {
  const fields = fieldErrors(error);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  return new AppError("validation_failed", `Invalid input — ${summary}`, { fields });
}

function prismaCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

// The driver adapter reports a lost database three ways (seen against a cut connection): P1001 on
// model queries, P2010 with the adapter's cause on raw queries, and a bare Error when the
// connection dies mid-query. All are "try again shortly", never a 500.
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNREACHABLE_MESSAGE =
  /Connection terminated|ECONNREFUSED|ECONNRESET|Can't reach database server|Connection (?:closed|ended)|terminating connection due to administrator command/;

function isDatabaseUnreachable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const kind = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta?.driverAdapterError?.cause?.kind;
  if (typeof kind === "string" && UNREACHABLE_KINDS.has(kind)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && UNREACHABLE_MESSAGE.test(message);
}

/** Maps anything thrown to an AppError; unknown errors become a generic 500 (details logged). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  switch (prismaCode(error)) {
    case "P2025":
      return new AppError("not_found", "Not found");
    case "P2002":
      return new AppError("conflict", "That already exists");
    case "P1001":
    case "P1002":
    case "P1017":
      return new AppError("unavailable", "The database is unreachable; try again shortly");
  }
  if (isDatabaseUnreachable(error)) return new AppError("unavailable", "The database is unreachable; try again shortly");
  return new AppError("internal", "Something went wrong on our side");
}
