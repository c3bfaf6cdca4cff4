// Changes to entries are live for everyone in the room: an action's outcome, a pin, a strike-through,
// a correction. Two browsers in one room, as in realtime-room.spec.ts.
import type { Page } from "@playwright/test";
import { DEMO_USERS, type DemoRole } from "./support/auth.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, room } from "./support/room.ts";
import { seedEvent, seedIncident, uniqueTag } from "./support/seed.ts";
import { changeEntry, entryControls, pinnedList, struckToggle } from "./support/timeline.ts";

// "Within about a second", with slack for a 2-core box running the server and two browsers.
const LIVE_WITHIN_MS = 2_000;

type PageAs = (role: DemoRole) => Promise<{ page: Page }>;

async function openRoom(pageAs: PageAs, role: DemoRole, incidentId: string) {
  const { page } = await pageAs(role);
  await page.goto(`/incidents/${incidentId}`);
  const r = room(page);
  await expectLive(r);
  return r;
}

test("a responder marks their action worked, and the commander sees the outcome live", async ({ pageAs, apiAs }) => {
  const incident = await seedIncident(await apiAs("commander"));
  const commander = await openRoom(pageAs, "commander", incident.id);
  const responder = await openRoom(pageAs, "responder", incident.id);
  const text = `Failed over card payments to the backup PSP ${uniqueTag()}`;

  await responder.post(`/action ${text}`);
  await expect(commander.entry(text)).toBeVisible({ timeout: LIVE_WITHIN_MS });
  await expect(entryControls(commander.entry(text)).outcome).toHaveAttribute("data-value", "pending");
  const before = await commander.entries.count();

  const mine = entryControls(responder.entry(text));
  await expect(mine.button("Worked")).toHaveAttribute("aria-pressed", "false");
  await mine.button("Worked").click();
  await expect(mine.button("Worked")).toHaveAttribute("aria-pressed", "true");

  const theirs = entryControls(commander.entry(text));
  await expect(theirs.outcome).toHaveAttribute("data-value", "worked", { timeout: LIVE_WITHIN_MS });
  await expect(theirs.outcome).toContainText("Worked");
  // The change is its own record in the stream, but the default view shows only its effect.
  await expect(commander.entries).toHaveCount(before);
  await expect(commander.page.getByTestId("timeline-change")).toHaveCount(0);
  await commander.page.getByRole("button", { name: "All changes" }).click();
  await expect(commander.page.getByTestId("timeline-change")).toContainText(`${DEMO_USERS.responder.name} marked action`);
});

test("the commander pins an entry and it appears in the responder's pinned list", async ({ pageAs, apiAs }) => {
  const incident = await seedIncident(await apiAs("commander"));
  const text = `PSP confirms a regional outage on their side ${uniqueTag()}`;
  await seedEvent(await apiAs("responder"), incident.id, { kind: "note", body: text });
  const commander = await openRoom(pageAs, "commander", incident.id);
  const responder = await openRoom(pageAs, "responder", incident.id);

  // A responder has no Pin button, on their own entry either.
  await responder.entry(text).hover();
  await expect(entryControls(responder.entry(text)).button("Pin")).toHaveCount(0);
  await expect(pinnedList(responder.page)).toContainText("Pinned (0)");

  await entryControls(commander.entry(text)).pin();
  await expect(pinnedList(responder.page)).toContainText(text, { timeout: LIVE_WITHIN_MS });
  await expect(pinnedList(responder.page)).toContainText("Pinned (1)");
  await expect(entryControls(responder.entry(text)).pinnedBadge).toHaveText(`Pinned by ${DEMO_USERS.commander.name}`);

  // The strip takes the responder to the entry.
  await responder.composer.focus();
  await pinnedList(responder.page)
    .getByRole("button", { name: new RegExp(text) })
    .click();
  await expect(responder.entry(text)).toBeFocused();
  await expect(responder.entry(text)).toBeInViewport();
});

test("the commander strikes an entry through with a reason: gone from both default views, shown with the toggle", async ({
  pageAs,
  apiAs,
}) => {
  const incident = await seedIncident(await apiAs("commander"));
  const text = `Checkout error rate 40% (wrong dashboard) ${uniqueTag()}`;
  const keep = `Checkout error rate 4% ${uniqueTag()}`;
  const api = await apiAs("responder");
  await seedEvent(api, incident.id, { kind: "note", body: text });
  await seedEvent(api, incident.id, { kind: "note", body: keep });
  const commander = await openRoom(pageAs, "commander", incident.id);
  const responder = await openRoom(pageAs, "responder", incident.id);

  const entry = commander.entry(text);
  await entry.hover();
  await entryControls(entry).button("Strike").click();
  // A reason is required.
  await entry.getByRole("button", { name: "Strike through" }).click();
  await expect(entry.getByRole("alert")).toContainText("Say why");
  await entry.getByLabel(/Why strike #\d+ through\?/).fill("wrong dashboard, see the next entry");
  await entry.getByRole("button", { name: "Strike through" }).click();

  for (const view of [commander, responder]) {
    await expect(view.entry(text)).toHaveCount(0, { timeout: LIVE_WITHIN_MS });
    await expect(view.entry(keep)).toHaveCount(1);
    await expect(struckToggle(view.page)).toHaveText("Struck-through (1)");
  }

  await struckToggle(responder.page).click();
  const struck = responder.entry(text);
  await expect(struck).toBeVisible();
  await expect(struck).toHaveAttribute("data-struck", "true");
  await expect(struck.getByText(text)).toHaveCSS("text-decoration-line", "line-through");
  await expect(entryControls(struck).struckNote).toContainText(`Struck through by ${DEMO_USERS.commander.name}`);
  await expect(entryControls(struck).struckNote).toContainText("wrong dashboard, see the next entry");
  // Only a commander can take it back.
  await expect(entryControls(struck).button(/Restore/)).toHaveCount(0);
  await expect(commander.entry(text)).toHaveCount(0);
});

test("a responder corrects their entry: both browsers show the correction, marked edited, with its history", async ({ pageAs, apiAs }) => {
  const incident = await seedIncident(await apiAs("commander"));
  const tag = uniqueTag();
  const commander = await openRoom(pageAs, "commander", incident.id);
  const responder = await openRoom(pageAs, "responder", incident.id);
  await responder.post(`Payment API p99 at 30 s ${tag}`);
  await expect(commander.entry(`Payment API p99 at 30 s ${tag}`)).toBeVisible({ timeout: LIVE_WITHIN_MS });

  await entryControls(responder.entry(`Payment API p99 at 30 s ${tag}`)).edit(`Payment API p99 at 3 s ${tag}`);
  const corrected = commander.entry(`Payment API p99 at 3 s ${tag}`);
  await expect(corrected).toBeVisible({ timeout: LIVE_WITHIN_MS });
  await expect(commander.entry(`Payment API p99 at 30 s ${tag}`)).toHaveCount(0);

  await corrected.getByRole("button", { name: "edited" }).click();
  await expect(corrected.getByTestId("revision")).toHaveCount(1);
  await expect(corrected.getByTestId("revision")).toContainText(`Payment API p99 at 30 s ${tag}`);
  await expect(corrected.getByTestId("revision")).toContainText(`replaced by ${DEMO_USERS.responder.name}`);
});

test("notifications record who was told and whether they acknowledged; links open safely", async ({ pageAs, apiAs }) => {
  const incident = await seedIncident(await apiAs("commander"));
  const tag = uniqueTag();
  const commander = await openRoom(pageAs, "commander", incident.id);
  const responder = await openRoom(pageAs, "responder", incident.id);

  await responder.post(`/notify Fulfillment on-call via phone: stop pushing stock updates ${tag}`);
  const told = commander.entry(`stop pushing stock updates ${tag}`);
  await expect(told).toBeVisible({ timeout: LIVE_WITHIN_MS });
  await expect(told.getByTestId("notification")).toContainText("To Fulfillment by phone");
  await expect(told.getByTestId("notification")).toContainText("Awaiting acknowledgement");

  await responder.entry(`stop pushing stock updates ${tag}`).getByRole("button", { name: "Mark acknowledged" }).click();
  await expect(told.getByTestId("acknowledged")).toBeVisible({ timeout: LIVE_WITHIN_MS });

  // The inline fields work as well as the prefix.
  await responder.page.getByTestId("composer-kind").selectOption("notification");
  await responder.page.getByLabel("To", { exact: true }).fill("payments team");
  await responder.post(`asked for the PSP escalation contact ${tag}`);
  await expect(commander.entry(`asked for the PSP escalation contact ${tag}`).getByTestId("notification")).toContainText(
    "To Payments by chat",
  );

  await responder.page.getByTestId("composer-kind").selectOption("note");
  await responder.post(`/link https://status.psp.example/incidents/${tag} PSP status page`);
  const link = commander.entry("PSP status page").getByRole("link");
  await expect(link).toHaveAttribute("href", `https://status.psp.example/incidents/${tag}`);
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");

  // A non-http address is refused before it is queued.
  await responder.composer.fill("/link javascript://alert(1) click me");
  await responder.composer.press("Enter");
  await expect(responder.page.getByRole("alert").filter({ hasText: "http(s)" })).toBeVisible();
  await expect(responder.pending).toHaveCount(0);
});

test("a viewer sees outcomes and pins but no controls to change them", async ({ pageAs, apiAs }) => {
  const api = await apiAs("commander");
  const incident = await seedIncident(api);
  const text = `Rolled back returns API 2.3 ${uniqueTag()}`;
  const action = await seedEvent(api, incident.id, { kind: "action", body: text });
  await changeEntry(api, incident.id, action.seq, "", { data: { outcome: "failed" } });
  await changeEntry(api, incident.id, action.seq, "/pin", { pinned: true });

  const viewer = await openRoom(pageAs, "viewer", incident.id);
  const entry = viewer.entry(text);
  await entry.hover();
  await expect(entryControls(entry).outcome).toHaveAttribute("data-value", "failed");
  await expect(entry.getByRole("button", { name: /^(Edit|Pin|Unpin|Strike|Pending|Worked|Failed)$/ })).toHaveCount(0);
  await expect(entry.getByRole("group")).toHaveCount(0);
  // Reading the history is for everyone.
  await entry.getByRole("button", { name: "1 change" }).click();
  await expect(entry.getByTestId("revision")).toContainText("outcome: pending");
  await expect(pinnedList(viewer.page)).toContainText(text);
});

test("filters narrow the timeline, and Enter searches entries older than the loaded page", async ({ pageAs, apiAs }) => {
  const api = await apiAs("responder");
  const incident = await seedIncident(await apiAs("commander"));
  const tag = uniqueTag();
  const needle = `Old PIM throttling clue ${tag}`;
  await seedEvent(api, incident.id, { kind: "hypothesis", body: needle });
  // More than one page (200) after it, so it is not loaded when the room opens.
  for (let batch = 0; batch < 11; batch++) {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => seedEvent(api, incident.id, { kind: "note", body: `filler ${batch * 20 + i} ${tag}` })),
    );
  }
  await seedEvent(api, incident.id, { kind: "action", body: `Raised the PIM rate limit ${tag}` });

  const r = await openRoom(pageAs, "commander", incident.id);
  await expect(r.entry(needle)).toHaveCount(0);

  await r.page.getByRole("button", { name: "Actions", exact: true }).click();
  await expect(r.entries).toHaveCount(1);
  await expect(r.entries).toContainText(`Raised the PIM rate limit ${tag}`);
  await r.page.getByRole("button", { name: "Actions", exact: true }).click();

  const search = r.page.getByRole("searchbox", { name: /Search the timeline/ });
  await search.fill("pim");
  await expect(r.entries).toHaveCount(1);
  await search.press("Enter");
  const older = r.page.getByTestId("older-matches");
  await expect(older).toContainText(needle);
  await expect(r.entries).toHaveCount(2);

  await search.fill("");
  await expect(r.page.getByTestId("older-matches")).toHaveCount(0);
  await expect(r.entries).toHaveCount(200);
});

test("jumping to a pinned moment far back shows the entries around it, then returns to the live end", async ({ pageAs, apiAs }) => {
  const commanderApi = await apiAs("commander");
  const api = await apiAs("responder");
  const incident = await seedIncident(commanderApi);
  const tag = uniqueTag();
  const moment = await seedEvent(api, incident.id, { kind: "decision", body: `Freeze all deploys until the PSP recovers ${tag}` });
  await changeEntry(commanderApi, incident.id, moment.seq, "/pin", { pinned: true });
  // Far enough back (over 500 entries before the loaded page) that loading everything in between would be wasteful.
  for (let batch = 0; batch < 18; batch++) {
    await Promise.all(Array.from({ length: 40 }, (_, i) => seedEvent(api, incident.id, { body: `filler ${batch * 40 + i} ${tag}` })));
  }
  const latest = await seedEvent(api, incident.id, { body: `Latest entry ${tag}` });

  const r = await openRoom(pageAs, "commander", incident.id);
  await expect(r.entry(latest.body)).toBeInViewport();
  await pinnedList(r.page)
    .getByRole("button", { name: new RegExp(`Freeze all deploys`) })
    .click();
  await expect(r.page.getByTestId("context-banner")).toContainText(`#${moment.seq}`);
  await expect(r.entry(`Freeze all deploys until the PSP recovers ${tag}`)).toBeFocused();
  // One page of 120 events from the start: the declaration, the decision, its pin (a change record,
  // hidden) and the first fillers; the live end is not among them.
  await expect(r.entries).toHaveCount(119);
  await expect(r.entry(`filler 0 ${tag}`)).toHaveCount(1);
  await expect(r.entry(latest.body)).toHaveCount(0);

  // Live changes still reach the entries shown in context.
  await changeEntry(commanderApi, incident.id, moment.seq, "", { body: `Freeze all deploys until the PSP is stable ${tag}` });
  await expect(r.entry(`Freeze all deploys until the PSP is stable ${tag}`)).toBeVisible({ timeout: LIVE_WITHIN_MS });

  await r.page.getByRole("button", { name: /Back to latest/ }).click();
  await expect(r.page.getByTestId("context-banner")).toHaveCount(0);
  await expect(r.entry(latest.body)).toBeInViewport();
  await expect(r.entries).toHaveCount(200);
});
