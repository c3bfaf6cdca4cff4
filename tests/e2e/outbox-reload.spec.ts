// A responder's unsent entries survive the tab being reloaded (or crashing) and are then sent
// exactly once, in order, even when the first attempt did reach the server.
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";

test("entries waiting in the outbox survive a reload and are stored once", async ({ pageAs, apiAs }) => {
  const tag = uniqueTag();
  const incident = await seedIncident(await apiAs("commander"));
  const eventsUrl = `**/api/incidents/${incident.id}/events`;
  const { context, page } = await pageAs("responder");
  await page.goto(`/incidents/${incident.id}`);
  const r = room(page);
  await expectLive(r);

  // The server stays unreachable for posts (a proxy dropping them), the page stays up.
  await page.route(eventsUrl, (route) => (route.request().method() === "POST" ? route.abort("connectionreset") : route.continue()));
  const notes = [`Restarted inventory sync ${tag}`, `Sync lag back under 1 min ${tag}`];
  for (const note of notes) await r.post(note);
  await expect(r.pending).toHaveCount(2);

  // The tab goes away; a new one opens the room again with the network healthy.
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto(`/incidents/${incident.id}`);
  const again = room(reopened);
  await expectLive(again);
  for (const note of notes) await expect(again.entry(note)).toHaveCount(1, { timeout: 10_000 });
  await expect(again.pending).toHaveCount(0);

  const res = await (await apiAs("commander")).get(`/api/incidents/${incident.id}/events?after=0&limit=100`);
  const stored = ((await res.json()) as { events: TimelineEventDto[] }).events.filter((e) => e.body.includes(tag));
  expect(stored.map((e) => e.body)).toEqual(notes);
});
