// The HTTP contract for changing entries, as an API client sees it: routes, status codes, the error
// shape with named fields, and that a refused change writes nothing.
import type { APIResponse } from "@playwright/test";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import type { EntryHistory } from "@/lib/timeline/list-revisions.ts";
import { DEMO_USERS } from "./support/auth.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedEvent, seedIncident } from "./support/seed.ts";
import type { EntryChange } from "./support/timeline.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: { fields?: { field: string; message: string }[] } };
}
interface EventPage {
  events: TimelineEventDto[];
  lastSeq: number;
  hasMore: boolean;
}

async function expectError(res: APIResponse, status: number, code: string, fields?: string[]): Promise<void> {
  expect(res.status(), await res.text()).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  if (fields) expect((body.error.details?.fields ?? []).map((f) => f.field).sort()).toEqual([...fields].sort());
}

test("PATCH, pin, strike and revisions: answers, amendments and history", async ({ apiAs }) => {
  const commander = await apiAs("commander");
  const responder = await apiAs("responder");
  const incident = await seedIncident(commander);
  const base = `/api/incidents/${incident.id}/events`;
  const action = await seedEvent(responder, incident.id, { kind: "action", body: "Restarted the OMS adapter" });
  expect(action.data).toEqual({ outcome: "pending" });

  const outcome = await responder.patch(`${base}/${action.seq}`, { data: { data: { outcome: "worked" } } });
  expect(outcome.status()).toBe(200);
  const changed = (await outcome.json()) as EntryChange;
  expect(changed.entry).toMatchObject({ seq: action.seq, data: { outcome: "worked" }, revisionCount: 1 });
  expect(changed.amendment).toMatchObject({ kind: "amendment", seq: action.seq + 1, targetSeq: action.seq, data: { change: "outcome" } });
  expect(changed.amendment?.body).toBe(`${DEMO_USERS.responder.name} marked action #${action.seq} worked`);

  const pin = (await (await commander.post(`${base}/${action.seq}/pin`, { data: { pinned: true } })).json()) as EntryChange;
  expect(pin.entry.pinned).toBe(true);

  const history = (await (await (await apiAs("viewer")).get(`${base}/${action.seq}/revisions`)).json()) as EntryHistory;
  expect(history.revisions).toMatchObject([{ data: { outcome: "pending" }, editedBy: { name: DEMO_USERS.responder.name } }]);
  expect((await (await responder.get(`${base}/${action.seq}`)).json()) as TimelineEventDto).toMatchObject({
    pinned: true,
    data: { outcome: "worked" },
  });

  const strike = await commander.post(`${base}/${action.seq}/strike`, { data: { reason: "wrong incident" } });
  expect(strike.status()).toBe(200);
  expect(((await strike.json()) as EntryChange).entry.struck).toMatchObject({
    reason: "wrong incident",
    by: { name: DEMO_USERS.commander.name },
  });
  const restore = await commander.delete(`${base}/${action.seq}/strike`);
  expect(restore.status()).toBe(200);
  const restored = (await restore.json()) as EntryChange;
  expect(restored.entry.struck).toBeNull();

  // Catch-up carries every change in order; the filtered history leaves change records out.
  const caught = (await (await responder.get(`${base}?after=${action.seq}`)).json()) as EventPage;
  expect(caught.events.map((e) => (e.data as { change?: string }).change)).toEqual(["outcome", "pin", "strike", "unstrike"]);
  // Striking through also unpinned it: a key moment is never one the room was told to ignore.
  expect(restored.entry.pinned).toBe(false);
  const pinned = (await (await responder.get(`${base}?pinned=true`)).json()) as EventPage;
  expect(pinned.events).toEqual([]);
  const notes = (await (await responder.get(`${base}?kind=action&q=oms`)).json()) as EventPage;
  expect(notes.events.map((e) => e.seq)).toEqual([action.seq]);
});

test("refused changes answer in the one error shape, naming the field, and write nothing", async ({ apiAs }) => {
  const commander = await apiAs("commander");
  const responder = await apiAs("responder");
  const incident = await seedIncident(commander);
  const base = `/api/incidents/${incident.id}/events`;
  const mine = await seedEvent(responder, incident.id, { kind: "action", body: "Paused the feed export" });
  const theirs = await seedEvent(commander, incident.id, { kind: "note", body: "Feed export paused at 14:20" });
  const lastSeq = async () => ((await (await commander.get(base)).json()) as EventPage).lastSeq;
  const before = await lastSeq();

  await expectError(await responder.patch(`${base}/${mine.seq}`, { data: { data: { outcome: "meh" } } }), 422, "validation_failed", [
    "data.outcome",
  ]);
  await expectError(await responder.patch(`${base}/${mine.seq}`, { data: { body: "" } }), 422, "validation_failed", ["body"]);
  await expectError(await responder.patch(`${base}/${mine.seq}`, { data: { body: "x".repeat(10_001) } }), 422, "validation_failed", [
    "body",
  ]);
  await expectError(await responder.patch(`${base}/1`, { data: { body: "x" } }), 422, "validation_failed", ["seq"]);
  await expectError(await responder.patch(`${base}/${theirs.seq}`, { data: { body: "mine now" } }), 403, "forbidden");
  await expectError(await responder.post(`${base}/${mine.seq}/pin`, { data: { pinned: true } }), 403, "forbidden");
  await expectError(await commander.post(`${base}/${mine.seq}/pin`, { data: {} }), 422, "validation_failed", ["pinned"]);
  await expectError(await commander.post(`${base}/${mine.seq}/strike`, { data: {} }), 422, "validation_failed", ["reason"]);
  await expectError(await commander.post(`${base}/${mine.seq}/strike`, { data: { reason: "x".repeat(501) } }), 422, "validation_failed", [
    "reason",
  ]);
  await expectError(await (await apiAs("viewer")).patch(`${base}/${mine.seq}`, { data: { body: "x" } }), 403, "forbidden");
  await expectError(await commander.patch(`${base}/9999`, { data: { body: "x" } }), 404, "not_found");
  await expectError(await commander.get(`${base}/9999/revisions`), 404, "not_found");
  await expectError(await commander.post(`${base}/abc/pin`, { data: { pinned: true } }), 404, "not_found");
  await expectError(await commander.get(`${base}?after=1&q=feed`), 422, "validation_failed", ["after"]);
  await expectError(await commander.get(`${base}?kind=gossip`), 422, "validation_failed", ["kind"]);
  await expectError(await (await apiAs(null)).patch(`${base}/${mine.seq}`, { data: { body: "x" } }), 401, "unauthorized");

  expect(await lastSeq()).toBe(before);
});

test("posting validates data per kind, naming data.<field>", async ({ apiAs }) => {
  const api = await apiAs("responder");
  const incident = await seedIncident(await apiAs("commander"));
  const events = `/api/incidents/${incident.id}/events`;
  await expectError(await api.post(events, { data: { kind: "action", body: "x", data: { outcome: "maybe" } } }), 422, "validation_failed", [
    "data.outcome",
  ]);
  await expectError(
    await api.post(events, { data: { kind: "notification", body: "x", data: { channel: "phone" } } }),
    422,
    "validation_failed",
    ["data.target"],
  );
  await expectError(
    await api.post(events, { data: { kind: "link", body: "x", data: { url: "javascript:alert(1)" } } }),
    422,
    "validation_failed",
    ["data.url"],
  );
  const link = await api.post(events, { data: { kind: "link", body: "Runbook", data: { url: "https://runbooks.example/psp" } } });
  expect(link.status()).toBe(201);
  expect(((await link.json()) as TimelineEventDto).data).toEqual({ url: "https://runbooks.example/psp" });
});
