import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors/app-error.ts";
import { toAppError } from "../../lib/errors/to-app-error.ts";
import { ZDeclareIncident } from "../../lib/incident-record/schemas.ts";

describe("toAppError", () => {
  it("turns a validation error into 422 with one entry per field", () => {
    const result = ZDeclareIncident.safeParse({ title: "x", severity: "SEV9" });
    if (result.success) throw new Error("expected the input to be invalid");
    const error = toAppError(result.error);
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation_failed");
    expect(error.details).toEqual({
      fields: [
        { field: "title", message: "title must be at least 3 characters" },
        { field: "severity", message: "severity must be one of SEV1, SEV2, SEV3, SEV4" },
      ],
    });
    expect(error.message).toContain("title: title must be at least 3 characters");
  });

  it("maps Prisma's not-found and unique-violation codes to 404 and 409", () => {
    expect(toAppError({ code: "P2025", message: "Record to update not found." }).status).toBe(404);
    expect(toAppError({ code: "P2002", meta: { target: ["slug"] } }).status).toBe(409);
  });

  it("reports an unreachable database as 503 so clients retry", () => {
    expect(toAppError({ code: "P1001" })).toMatchObject({ code: "unavailable" });
    // What the Postgres driver adapter throws for a raw query and for a connection cut mid-query.
    const raw = {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } },
    };
    expect(toAppError(raw)).toMatchObject({ code: "unavailable", status: 503 });
    expect(toAppError(Object.assign(new Error("Connection terminated unexpectedly"), { clientVersion: "7.10.1" }))).toMatchObject({
      status: 503,
    });
    // A raw query that failed for another reason is still a 500.
    expect(toAppError({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } })).toMatchObject({
      status: 500,
    });
  });

  it("hides the internals of anything unexpected behind a generic 500", () => {
    const error = toAppError(new Error('relation "User" does not exist at postgres://admin:hunter2@db'));
    expect(error.status).toBe(500);
    expect(error.toBody()).toEqual({ error: { code: "internal", message: "Something went wrong on our side" } });
    expect(toAppError({ code: "ECONNRESET" }).status).toBe(500);
    expect(toAppError("a string").status).toBe(500);
  });

  it("passes an AppError through untouched", () => {
    const original = new AppError("forbidden", "A viewer cannot do this");
    expect(toAppError(original)).toBe(original);
    expect(original.toBody()).toEqual({ error: { code: "forbidden", message: "A viewer cannot do this" } });
  });
});
