// "That row already exists", however it reaches us: P2002 from a Prisma model query, 23505 from the
// driver (the named posting statement), or P2010 wrapping 23505 from a raw query through the
// driver adapter. Callers turn it into a 409 or a 422 naming the field.
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  };
  if (e.code === "23505" || e.code === "P2002") return true;
  const cause = e.meta?.driverAdapterError?.cause;
  return e.code === "P2010" && (cause?.kind === "UniqueConstraintViolation" || cause?.originalCode === "23505" || e.meta?.code === "23505");
}
