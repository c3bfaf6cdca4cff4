import { describe, expect, it } from "vitest";
import { errorProps, groupFieldErrors } from "../../components/catalog/form-errors.ts";

describe("groupFieldErrors", () => {
  it("keeps exact paths and puts the first nested message under its top-level field", () => {
    expect(
      groupFieldErrors({ "onCall.1": "each onCall contact must be non-empty", "onCall.3": "too long", name: "name is required" }),
    ).toEqual({
      "onCall.1": "each onCall contact must be non-empty",
      "onCall.3": "too long",
      onCall: "each onCall contact must be non-empty",
      name: "name is required",
    });
  });

  it("does not let a nested message hide the field's own one", () => {
    expect(groupFieldErrors({ "journeys.0": "bad journey", journeys: "too many journeys" }).journeys).toBe("too many journeys");
  });
});

describe("errorProps", () => {
  it("marks the input invalid and points at its message only when there is an error", () => {
    expect(errorProps("service-name", "taken")).toEqual({ "aria-invalid": true, "aria-describedby": "service-name-error" });
    expect(errorProps("service-name", undefined)).toEqual({ "aria-invalid": undefined, "aria-describedby": undefined });
  });
});
