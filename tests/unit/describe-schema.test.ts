import { describe, expect, it } from "vitest";
import { ZSetIncidentImpact } from "../../lib/impact/schemas.ts";
import { ZDeclareIncident, ZUpdateIncident } from "../../lib/incident-record/schemas.ts";
import { openApiDocument } from "../../lib/openapi/build-openapi.ts";
import { constraintsOf, describeSchema, typeOf } from "../../lib/openapi/describe-schema.ts";
import { jsonSchemaOf } from "../../lib/openapi/json-schema-of.ts";
import { resolverOf, scopesAtLeast, sectionsOf } from "../../lib/openapi/reference-sections.ts";
import type { JsonSchema } from "../../lib/openapi/types.ts";

// The API reference shows each body as a field list a person can scan; these pin the wording.

const field = (schema: JsonSchema, path: string) => describeSchema(schema).find((f) => f.path === path);

describe("describeSchema", () => {
  it("lists the fields of the declare body with required marks and rules in words", () => {
    const rows = describeSchema(jsonSchemaOf(ZDeclareIncident));
    expect(rows.map((r) => [r.path, r.type, r.isRequired])).toEqual([
      ["title", "string", true],
      ["severity", "string", true],
      ["summary", "string", false],
    ]);
    expect(rows[0]?.constraints).toEqual(["3–200 characters"]);
    expect(rows[1]?.constraints).toEqual(['one of "SEV1", "SEV2", "SEV3", "SEV4"']);
    expect(rows[2]?.constraints).toEqual(["at most 5,000 characters", 'default ""']);
  });

  it("writes nullable times, arrays and records the way a reader expects", () => {
    const update = jsonSchemaOf(ZUpdateIncident);
    expect(field(update, "resolvedAt")).toMatchObject({ type: "string | null", constraints: ["ISO 8601 date-time"] });
    expect(field(update, "tags")).toMatchObject({ type: "array of string", constraints: ["at most 20 items"] });
    const impact = jsonSchemaOf(ZSetIncidentImpact);
    expect(field(impact, "journeys.<key>.degradation")).toMatchObject({
      type: "integer",
      isRequired: true,
      depth: 2,
      constraints: ["0–100"],
    });
    expect(field(impact, "journeys.<key>")?.constraints).toContain("no other fields");
  });

  it("follows union branches and shared schemas, naming the branch", () => {
    const doc = openApiDocument();
    const post = doc.paths["/api/incidents/{id}/events"]?.post?.requestBody?.content["application/json"]?.schema as JsonSchema;
    expect(describeSchema(post).find((f) => f.path === "data.channel")).toMatchObject({ variant: "notification", isRequired: true });
    const incident = describeSchema({ $ref: "#/components/schemas/Incident" }, resolverOf(doc));
    expect(incident.find((f) => f.path === "commander")?.type).toBe("PersonRef | null");
    expect(incident.find((f) => f.path === "commander.name")?.depth).toBe(1);
  });

  it("names types and exclusive bounds", () => {
    expect(typeOf({ anyOf: [{ const: 1 }, { const: 2 }] })).toBe("number");
    expect(constraintsOf({ type: "number", exclusiveMinimum: 0, maximum: 100 })).toEqual(["> 0", "≤ 100"]);
  });
});

describe("reference sections", () => {
  it("groups every operation under its tag in the tags' order", () => {
    const doc = openApiDocument();
    const sections = sectionsOf(doc);
    expect(sections[0]?.name).toBe("Incidents");
    expect(sections.flatMap((s) => s.operations).length).toBe(Object.values(doc.paths).flatMap((item) => Object.keys(item)).length);
    expect(sections.find((s) => s.slug === "alert-sources")?.operations.some((o) => o.path === "/api/webhooks/{integrationId}")).toBe(true);
  });

  it("lets a broader token scope call what a narrower one may", () => {
    expect(scopesAtLeast("read")).toEqual(["read", "write", "admin"]);
    expect(scopesAtLeast("admin")).toEqual(["admin"]);
  });
});
