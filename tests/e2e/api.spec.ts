// The public HTTP contract, as an API client sees it: status codes, error shape, idempotency, paging.
import type { APIResponse } from "@playwright/test";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { DEMO_USERS } from "./support/auth.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } };
}

interface EventPage {
  events: TimelineEventDto[];
  lastSeq: number;
  hasMore: boolean;
}

/** Asserts the one error shape and returns it. */
async function expectError(res: APIResponse, status: number, code: string): Promise<ErrorBody> {
  expect(res.status(), await res.text()).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

/** Asserts a 422 naming exactly these fields. */
async function expectInvalidFields(res: APIResponse, fields: string[]): Promise<void> {
  const body = await expectError(res, 422, "validation_failed");
  const named = (body.error.details?.fields ?? []).map((f) => f.field);
  expect(named.sort()).toEqual([...fields].sort());
  for (const f of body.error.details?.fields ?? []) expect(f.message.length).toBeGreaterThan(0);
}

const UNKNOWN_UUID = "0b5e1c9a-7d64-4c7e-9f3a-1d2b3c4d5e6f";

test("health answers without a session and names the database", async ({ apiAs }) => {
  const res = await (await apiAs(null)).get("/api/health");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { status: string; database: string };
  expect(body.status).toBe("ok");
  expect(body.database).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
});

test("without a session every API route is a 401 in the error shape", async ({ apiAs }) => {
  const api = await apiAs(null);
  await expectError(await api.get("/api/incidents"), 401, "unauthorized");
  await expectError(await api.post("/api/incidents", { data: { title: "Nope nope", severity: "SEV1" } }), 401, "unauthorized");
  await expectError(await api.get(`/api/incidents/${UNKNOWN_UUID}/events`), 401, "unauthorized");
});

test("a viewer can read but cannot declare or post (403)", async ({ apiAs }) => {
  const commander = await apiAs("commander");
  const viewer = await apiAs("viewer");
  const incident = await seedIncident(commander);

  expect((await viewer.get(`/api/incidents/${incident.id}`)).status()).toBe(200);
  await expectError(
    await viewer.post("/api/incidents", { data: { title: `Viewer tries ${uniqueTag()}`, severity: "SEV4" } }),
    403,
    "forbidden",
  );
  await expectError(
    await viewer.post(`/api/incidents/${incident.id}/events`, { data: { kind: "note", body: "I am only watching" } }),
    403,
    "forbidden",
  );

  // Nothing was written by the refused requests.
  const page = (await (await viewer.get(`/api/incidents/${incident.id}/events`)).json()) as EventPage;
  expect(page.events.map((e) => e.body)).not.toContain("I am only watching");
});

test("declaring returns 201 with the incident, which GET by id and the list then return", async ({ apiAs }) => {
  const api = await apiAs("commander");
  const title = `Search results empty ${uniqueTag()}`;
  const res = await api.post("/api/incidents", { data: { title, severity: "SEV2", summary: "Search returns no products." } });
  expect(res.status()).toBe(201);
  const created = (await res.json()) as IncidentDto;
  expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(created.ref).toMatch(/^INC-\d+$/);
  expect(created).toMatchObject({ title, severity: "SEV2", status: "investigating", summary: "Search returns no products." });
  expect(created.commander?.name).toBe(DEMO_USERS.commander.name);

  const byId = await api.get(`/api/incidents/${created.id}`);
  expect(byId.status()).toBe(200);
  expect((await byId.json()) as IncidentDto).toMatchObject({ id: created.id, ref: created.ref, title, severity: "SEV2" });

  const list = (await (await api.get("/api/incidents")).json()) as { incidents: IncidentDto[] };
  expect(list.incidents.filter((i) => i.id === created.id)).toHaveLength(1);
});

test("unknown and malformed incident ids are 404s", async ({ apiAs }) => {
  const api = await apiAs("responder");
  await expectError(await api.get(`/api/incidents/${UNKNOWN_UUID}`), 404, "not_found");
  await expectError(await api.get("/api/incidents/not-a-uuid"), 404, "not_found");
  await expectError(await api.get(`/api/incidents/${UNKNOWN_UUID}/events`), 404, "not_found");
  await expectError(await api.post(`/api/incidents/${UNKNOWN_UUID}/events`, { data: { kind: "note", body: "hello" } }), 404, "not_found");
  await expectError(await api.post("/api/incidents/%27%3B--/events", { data: { kind: "note", body: "hello" } }), 404, "not_found");
});

test("invalid incidents are 422 naming the fields", async ({ apiAs }) => {
  const api = await apiAs("commander");
  await expectInvalidFields(await api.post("/api/incidents", { data: { title: "Checkout down", severity: "SEV9" } }), ["severity"]);
  await expectInvalidFields(await api.post("/api/incidents", { data: { title: "", severity: "SEV1" } }), ["title"]);
  await expectInvalidFields(await api.post("/api/incidents", { data: { title: "   ", severity: "SEV1" } }), ["title"]);
  await expectInvalidFields(await api.post("/api/incidents", { data: { severity: "bad" } }), ["title", "severity"]);
});

test("invalid timeline entries are 422 naming the fields, and nothing is stored", async ({ apiAs }) => {
  const api = await apiAs("responder");
  const incident = await seedIncident(await apiAs("commander"));
  const events = `/api/incidents/${incident.id}/events`;
  const inAnHour = new Date(Date.now() + 60 * 60_000).toISOString();

  await expectInvalidFields(await api.post(events, { data: { kind: "rumour", body: "Something" } }), ["kind"]);
  await expectInvalidFields(await api.post(events, { data: { kind: "note", body: "" } }), ["body"]);
  await expectInvalidFields(await api.post(events, { data: { kind: "note", body: " \n " } }), ["body"]);
  await expectInvalidFields(await api.post(events, { data: { kind: "note", body: "x".repeat(10_001) } }), ["body"]);
  await expectInvalidFields(await api.post(events, { data: { kind: "note", body: "From the future", occurredAt: inAnHour } }), [
    "occurredAt",
  ]);
  await expectInvalidFields(await api.post(events, { data: { kind: "note", body: "Bad date", occurredAt: "yesterday" } }), ["occurredAt"]);

  // The limit is inclusive: exactly 10,000 characters is fine.
  expect((await api.post(events, { data: { kind: "note", body: "y".repeat(10_000) } })).status()).toBe(201);
  const page = (await (await api.get(events)).json()) as EventPage;
  // The declaration entry plus the one valid note.
  expect(page.events.map((e) => e.kind)).toEqual(["status_change", "note"]);
});

test("a body that is not JSON is a 400, not a 500", async ({ apiAs }) => {
  const api = await apiAs("commander");
  const incident = await seedIncident(api);
  const headers = { "content-type": "application/json" };
  // Buffers go out byte for byte; Playwright would JSON-encode a string that is not JSON.
  const raw = (text: string) => ({ headers, data: Buffer.from(text) });
  await expectError(await api.post("/api/incidents", raw('{"title": "Broken", ')), 400, "bad_request");
  await expectError(await api.post(`/api/incidents/${incident.id}/events`, raw("kind=note&body=hi")), 400, "bad_request");
  await expectError(await api.post(`/api/incidents/${incident.id}/events`, raw("")), 400, "bad_request");
});

test("posting twice with one clientId stores one entry: 201, then 200 with the same seq", async ({ apiAs }) => {
  const api = await apiAs("responder");
  const incident = await seedIncident(await apiAs("commander"));
  const events = `/api/incidents/${incident.id}/events`;
  const entry = { kind: "action", body: `Restarted the adapter pods ${uniqueTag()}`, clientId: `e2e-${uniqueTag()}-retry` };

  const first = await api.post(events, { data: entry });
  expect(first.status()).toBe(201);
  const stored = (await first.json()) as TimelineEventDto;
  expect(stored).toMatchObject({ kind: "action", body: entry.body, author: { name: DEMO_USERS.responder.name } });

  const again = await api.post(events, { data: entry });
  expect(again.status()).toBe(200);
  const replayed = (await again.json()) as TimelineEventDto;
  expect(replayed.seq).toBe(stored.seq);
  expect(replayed.id).toBe(stored.id);

  const page = (await (await api.get(events)).json()) as EventPage;
  expect(page.events.filter((e) => e.body === entry.body)).toHaveLength(1);
});

test("events page in seq order with after and limit", async ({ apiAs }) => {
  const api = await apiAs("responder");
  const incident = await seedIncident(await apiAs("commander"));
  const events = `/api/incidents/${incident.id}/events`;
  const tag = uniqueTag();
  for (let i = 1; i <= 5; i++) await seedEvent(api, incident.id, { body: `step ${i} ${tag}` });

  // seq 1 is the declaration; our five notes are seq 2..6.
  const first = (await (await api.get(`${events}?after=0&limit=3`)).json()) as EventPage;
  expect(first.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  expect(first).toMatchObject({ lastSeq: 6, hasMore: true });

  const rest = (await (await api.get(`${events}?after=3&limit=3`)).json()) as EventPage;
  expect(rest.events.map((e) => e.seq)).toEqual([4, 5, 6]);
  expect(rest.events.map((e) => e.body)).toEqual([`step 3 ${tag}`, `step 4 ${tag}`, `step 5 ${tag}`]);
  expect(rest).toMatchObject({ lastSeq: 6, hasMore: false });

  const none = (await (await api.get(`${events}?after=6`)).json()) as EventPage;
  expect(none).toEqual({ events: [], lastSeq: 6, hasMore: false });

  await expectInvalidFields(await api.get(`${events}?after=-1`), ["after"]);
  await expectInvalidFields(await api.get(`${events}?limit=0`), ["limit"]);
});
