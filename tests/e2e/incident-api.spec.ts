// The incident-lifecycle part of the HTTP contract: who may run an incident, and bad input named.
import type { APIResponse } from "@playwright/test";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedIncident } from "./support/seed.ts";

async function fieldsOf(res: APIResponse): Promise<string[]> {
  expect(res.status(), await res.text()).toBe(422);
  const body = (await res.json()) as { error: { code: string; details?: { fields?: { field: string }[] } } };
  expect(body.error.code).toBe("validation_failed");
  return (body.error.details?.fields ?? []).map((f) => f.field);
}

test("the commander runs the incident; a responder and a viewer cannot; bad values are named", async ({ apiAs }) => {
  const commander = await apiAs("commander");
  const responder = await apiAs("responder");
  const viewer = await apiAs("viewer");
  const incident = await seedIncident(commander, { severity: "SEV3" });
  const url = `/api/incidents/${incident.id}`;

  const res = await commander.patch(url, { data: { status: "mitigating", severity: "SEV2", customerStatus: "Some card payments fail" } });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()) as IncidentDto).toMatchObject({
    status: "mitigating",
    severity: "SEV2",
    customerStatus: "Some card payments fail",
  });

  expect((await responder.patch(url, { data: { status: "resolved" } })).status()).toBe(403);
  expect((await viewer.patch(url, { data: { summary: "x" } })).status()).toBe(403);
  expect((await (await apiAs(null)).patch(url, { data: { status: "resolved" } })).status()).toBe(401);

  expect(await fieldsOf(await commander.patch(url, { data: { status: "closed" } }))).toEqual(["status"]);
  expect(await fieldsOf(await commander.patch(url, { data: { resolvedAt: "2000-01-01T00:00:00Z" } }))).toEqual(["resolvedAt"]);
  expect(await fieldsOf(await commander.patch(url, { data: { detectedAt: new Date(Date.now() + 86_400_000).toISOString() } }))).toEqual([
    "detectedAt",
  ]);
  expect(await fieldsOf(await commander.post(`${url}/roles`, { data: { role: "captain", userId: null } }))).toEqual(["role"]);

  const users = (await (await commander.get("/api/users")).json()) as { users: { id: string; role: string }[] };
  const viewerUser = users.users.find((u) => u.role === "VIEWER");
  expect(await fieldsOf(await commander.post(`${url}/roles`, { data: { role: "scribe", userId: viewerUser?.id } }))).toEqual(["userId"]);

  // Nothing half-written: the incident is as the one successful change left it.
  const after = (await (await commander.get(url)).json()) as IncidentDto;
  expect(after).toMatchObject({ status: "mitigating", severity: "SEV2", scribe: null, resolvedAt: null });
});
