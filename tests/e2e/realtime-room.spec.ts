// The key scenario: two people in one room, seeing each other and each other's entries live,
// and a responder who drops off the network loses nothing and duplicates nothing.
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";
import { DEMO_USERS } from "./support/auth.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, expectNotReloaded, markNoReload, room } from "./support/room.ts";
import { uniqueTag } from "./support/seed.ts";

// "Within about a second", with some slack for a 2-core CI box running the server and two browsers.
const LIVE_WITHIN_MS = 1_500;

test("commander and responder share a live room, and an offline responder's entries arrive once, in order", async ({ pageAs, apiAs }) => {
  const tag = uniqueTag();
  const title = `Checkout returns 502 for card payments ${tag}`;

  // The commander declares through the form and lands in the new room.
  const { page: commanderPage } = await pageAs("commander");
  await commanderPage.goto("/incidents/new");
  await commanderPage.getByLabel("What is broken?").fill(title);
  await commanderPage.getByRole("radio", { name: /SEV2/ }).check();
  await commanderPage.getByLabel("Summary (optional)").fill("Card payments fail with 502 from the gateway adapter.");
  await commanderPage.getByRole("button", { name: "Declare incident" }).click();
  await commanderPage.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
  const roomUrl = new URL(commanderPage.url()).pathname;
  const incidentId = roomUrl.split("/").at(-1) ?? "";

  const commander = room(commanderPage);
  await expect(commanderPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(commander.commander).toHaveText(DEMO_USERS.commander.name);
  await expectLive(commander);

  // The responder opens the same room; each sees the other in "In the room now".
  const { context: responderContext, page: responderPage } = await pageAs("responder");
  await responderPage.goto(roomUrl);
  const responder = room(responderPage);
  await expectLive(responder);
  await expect(responder.presence).toContainText(DEMO_USERS.commander.name);
  await expect(responder.presence).toContainText(DEMO_USERS.responder.name);
  await expect(commander.presence).toContainText(DEMO_USERS.responder.name);
  await expect(commander.presence).toContainText(DEMO_USERS.commander.name);

  const commanderMark = await markNoReload(commanderPage);
  const responderMark = await markNoReload(responderPage);

  await test.step("a note from the commander appears for the responder within a second", async () => {
    const note = `Rolled back adapter to v2.14.1 ${tag}`;
    const sentAt = Date.now();
    await commander.post(note);
    await expect(responder.entry(note)).toBeVisible({ timeout: LIVE_WITHIN_MS });
    test.info().annotations.push({ type: "live latency (ms)", description: String(Date.now() - sentAt) });

    // Confirmed on both sides with the same sequence number, and shown once.
    await expect(commander.entry(note)).toHaveCount(1);
    await expect(commander.pending).toHaveCount(0);
    const seq = await commander.entry(note).getAttribute("data-seq");
    expect(seq).toMatch(/^\d+$/);
    await expect(responder.entry(note)).toHaveAttribute("data-seq", seq ?? "");
    await expect(responder.entry(note)).toHaveCount(1);
    await expect(responder.entry(note)).toContainText(DEMO_USERS.commander.name);
  });

  await test.step("a note from the responder appears for the commander within a second", async () => {
    const note = `Adapter error rate back under 1% ${tag}`;
    await responder.post(note);
    await expect(commander.entry(note)).toBeVisible({ timeout: LIVE_WITHIN_MS });
    await expect(commander.entry(note)).toContainText(DEMO_USERS.responder.name);
    await expect(responder.entry(note)).toHaveCount(1);
  });

  await expectNotReloaded(commanderPage, commanderMark);
  await expectNotReloaded(responderPage, responderMark);

  const offlineNotes = [1, 2, 3].map((n) => `Offline note ${n} from the data centre ${tag}`);

  await test.step("offline, the responder's entries wait in the outbox, visibly", async () => {
    await responderContext.setOffline(true);
    await expect(responder.connection).toHaveAttribute("data-state", "offline");
    for (const note of offlineNotes) await responder.post(note);

    await expect(responder.pending).toHaveCount(3);
    await expect(responder.pending).toHaveText(offlineNotes.map((n) => new RegExp(`${n}$`)));
    await expect(responder.pending.filter({ hasText: "Queued – will send when back online" })).toHaveCount(3);
    await expect(responder.connection).toHaveText(/Offline\s*–\s*3 pending/);
    for (const note of offlineNotes) await expect(responder.entry(note)).toHaveCount(0);
    for (const note of offlineNotes) await expect(commander.entry(note)).toHaveCount(0);
  });

  await test.step("back online, all three reach the commander exactly once and in order", async () => {
    await responderContext.setOffline(false);
    // The app retries on `online` and every ~4 s; allow two rounds.
    for (const note of offlineNotes) await expect(commander.entry(note)).toHaveCount(1, { timeout: 10_000 });

    await expect(responder.pending).toHaveCount(0, { timeout: 10_000 });
    await expectLive(responder);
    for (const note of offlineNotes) await expect(responder.entry(note)).toHaveCount(1);

    for (const view of [commander, responder]) {
      const shown = (await view.confirmed()).filter((e) => e.text.includes(tag) && e.text.includes("Offline note"));
      expect(shown.map((e) => offlineNotes.findIndex((n) => e.text.includes(n)))).toEqual([0, 1, 2]);
      const seqs = shown.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(3);
    }

    // The server agrees: each stored once, in posting order.
    const res = await (await apiAs("commander")).get(`/api/incidents/${incidentId}/events?after=0&limit=100`);
    const stored = ((await res.json()) as { events: TimelineEventDto[] }).events.filter((e) => offlineNotes.includes(e.body));
    expect(stored.map((e) => e.body)).toEqual(offlineNotes);
  });

  await expectNotReloaded(commanderPage, commanderMark);
});
