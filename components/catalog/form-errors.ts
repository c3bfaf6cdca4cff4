/**
 * The API names nested fields ("onCall.1", "journeys.0"); forms show errors per input. Keeps each
 * exact path and also the first message under its top-level field, so both can be shown.
 */
export function groupFieldErrors(fields: Record<string, string>): Record<string, string> {
  const grouped: Record<string, string> = { ...fields };
  for (const [path, message] of Object.entries(fields)) {
    const top = path.split(".")[0] ?? path;
    grouped[top] ??= message;
  }
  return grouped;
}

/** aria props tying an input to its error message. */
export function errorProps(id: string, error: string | undefined) {
  return { "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined } as const;
}
