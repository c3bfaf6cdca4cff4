import { AppError } from "../errors/app-error.ts";

export function unprocessableEntry(seq: number, message: string): AppError {
  return new AppError("validation_failed", `Entry #${seq}: ${message}`, { fields: [{ field: "seq", message }] });
}
