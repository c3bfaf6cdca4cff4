// Issue #18: the room tells the truth — one "told", no accidental re-open, errors at the field,
// every time with its zone, resolution ends the impact; plus the screens at laptop and phone size.
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import type { IncidentDto } from "@/lib/incident-record/incident-dto.ts";
import { DEMO_USERS } from "./support/auth.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expect, test } from "./support/fixtures.ts";
import { seedPostmortem } from "./support/postmortem.ts";
import { expectLive, room } from "./support/room.ts";
import { seedIncident, uniqueTag } from "./support/seed.ts";
import { toZonedInput } from "@/lib/time/format.ts";

async function serviceId(api: APIRequestContext, name: string): Promise<string> {
  const { services } = (await (await api.get("/api/services")).json()) as { services: { id: string; name: string }[] };
  const found = services.find((s) => s.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found.id;
}

/** A SEV1 with the payment gateway impacted and checkout 60% degraded. */
async function paymentsIncident(api: APIRequestContext): Promise<IncidentDto> {
  const incident = await seedIncident(api, { title: `PSP timeouts ${uniqueTag()}`, severity: "SEV1" });
  const services = await api.put(`/api/incidents/${incident.id}/services`, {
    data: { serviceIds: [await serviceId(api, "Payment gateway adapter")] },
  });
  expect(services.status(), await services.text()).toBe(200);
  const impact = await api.put(`/api/incidents/${incident.id}/impact`, { data: { journeys: { checkout: { degradation: 60 } } } });
  expect(impact.status(), await impact.text()).toBe(200);
  return incident;
}

const incidentOf = async (api: APIRequestContext, id: string) => (await (await api.get(`/api/incidents/${id}`)).json()) as IncidentDto;

test("/notify and the panel's Mark told are one record: the team row, the header count and a 422 for an unknown team", async ({
  pageAs,
  apiAs,
}) => {
  const incident = await paymentsIncident(await apiAs("commander"));
  const { page } = await pageAs("responder");
  await page.goto(`/incidents/${incident.id}`);
  const r = room(page);
  await expectLive(r);
  const header = page.getByTestId("header-teams-not-told");
  const radius = (await (await apiAs("viewer")).get(`/api/incidents/${incident.id}/blast-radius`).then((res) => res.json())) as {
    teams: { notification: unknown }[];
  };
  const untold = radius.teams.filter((t) => !t.notification).length;
  expect(untold).toBeGreaterThan(2);
  await expect(header).toHaveText(new RegExp(`${untold} teams not told`));

  // The composer suggests catalog teams while the name is incomplete.
  await r.composer.fill("/notify Fulfil");
  await expect(page.getByTestId("composer-team-suggestions").getByRole("button", { name: "Fulfillment" })).toBeVisible();
  // An unknown team is refused at the field, naming it, and nothing is queued.
  await r.composer.fill("/notify Fulfilment via phone: stop pushing stock");
  await r.composer.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "No team named “Fulfilment”" })).toBeVisible();
  await expect(r.pending).toHaveCount(0);

  const tag = uniqueTag();
  await r.post(`/notify fulfillment on-call via phone: stop pushing stock updates ${tag}`);
  await expect(r.entry(tag).getByTestId("notification")).toContainText("To Fulfillment by phone");
  const row = page.getByTestId("team-Fulfillment").getByTestId("notify-state");
  await expect(row).toContainText(`Told by ${DEMO_USERS.responder.name} via phone`);
  await expect(header).toHaveText(new RegExp(`${untold - 1} teams not told`));
  // Triage reads the same record.
  const triage = (await (await (await apiAs("viewer")).get("/api/triage")).json()) as {
    incidents: { incident: { id: string }; teamsNotNotified: { name: string }[] }[];
  };
  const mine = triage.incidents.find((i) => i.incident.id === incident.id);
  expect(mine?.teamsNotNotified.map((t) => t.name)).not.toContain("Fulfillment");
  // The header link takes you to the teams.
  await header.click();
  await expect(page.locator("#teams-to-tell")).toBeInViewport();
});

test("an arrow key never re-opens a resolved incident; re-open asks, keeps the first resolution, and key times go back exactly", async ({
  pageAs,
  apiAs,
}) => {
  const api = await apiAs("commander");
  const incident = await paymentsIncident(api);
  // Started ten minutes earlier, so a time a minute before mitigated is still after the start.
  const startedAt = new Date(Date.parse(incident.startedAt) - 10 * 60_000).toISOString();
  expect((await api.patch(`/api/incidents/${incident.id}`, { data: { startedAt } })).status()).toBe(200);
  expect((await api.patch(`/api/incidents/${incident.id}`, { data: { status: "resolved" } })).status()).toBe(200);
  const resolved = await incidentOf(api, incident.id);
  expect(resolved.resolvedAt).toMatch(/\.000Z$/);

  const { page } = await pageAs("commander");
  await page.goto(`/incidents/${incident.id}`);
  await expectLive(room(page));
  // Resolution ended the impact: the journey says how bad it was and until when.
  await expect(page.getByTestId("journey-ended")).toContainText(/was 60% degraded until \d\d:\d\d:\d\d \S+/);

  const status = page.getByLabel("Change status");
  await status.focus();
  await page.keyboard.press("ArrowUp");
  const confirm = page.getByTestId("status-confirm");
  await expect(confirm).toContainText(`Re-open ${incident.ref}`);
  await page.screenshot({ path: path.join(SCREENS_DIR, "room-reopen-confirm-1366.png"), animations: "disabled" });
  expect((await incidentOf(api, incident.id)).status).toBe("resolved");
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(status).toHaveValue("resolved");
  expect((await incidentOf(api, incident.id)).resolvedAt).toBe(resolved.resolvedAt);

  // On purpose: confirmed, recorded as its own entry that keeps the first resolution.
  await status.selectOption("monitoring");
  await confirm.getByRole("button", { name: "Re-open as Monitoring" }).click();
  await expect(room(page).entry("Re-opened: Resolved → Monitoring (first resolved")).toHaveCount(1);
  await status.selectOption("resolved");
  await confirm.getByRole("button", { name: "Resolve" }).click();
  await expect(status).toHaveValue("resolved");

  // A time before mitigated is refused at the field, in words, with the other time.
  await page.getByRole("button", { name: "Edit resolved time" }).click();
  const input = page.getByLabel(/^Resolved time \(/);
  const mitigated = new Date((await incidentOf(api, incident.id)).mitigatedAt ?? "");
  // The editor speaks the zone the room shows times in: the organisation's (New York) by default.
  const localIn = async (d: Date) => toZonedInput(d, "America/New_York");
  await input.fill(await localIn(new Date(mitigated.getTime() - 60_000)));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("key-time-error")).toHaveText(/^Resolved can't be before Mitigated \(\d\d:\d\d:\d\d \S+\)$/);
  await page.screenshot({ path: path.join(SCREENS_DIR, "room-key-time-error-1366.png"), animations: "disabled" });

  // Put the first resolution back, to the second.
  await input.fill(await localIn(new Date(resolved.resolvedAt ?? "")));
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("key-time-error")).toHaveCount(0);
  await expect.poll(async () => (await incidentOf(api, incident.id)).resolvedAt).toBe(resolved.resolvedAt);
});

/** Every <time> in the room names its zone ("14:02:11 CET", "3 Dec, 14:02 GMT+1"). */
async function expectZonedTimes(page: Page): Promise<void> {
  const texts = await page
    .locator("header time, main time, aside time")
    .evaluateAll((els) => els.map((e) => (e.textContent ?? "").trim()).filter(Boolean));
  expect(texts.length).toBeGreaterThan(3);
  for (const t of texts) expect(t, `time without a zone: "${t}"`).toMatch(/\d\d:\d\d(:\d\d)? (UTC|GMT[+-]\d+(:\d\d)?|[A-Z]{3,5})\b/);
}

test("every absolute time in the room names its zone; the organisation's zone is the default, a browser may pick its own", async ({
  pageAs,
  apiAs,
}) => {
  const api = await apiAs("commander");
  const incident = await paymentsIncident(api);
  const { page } = await pageAs("commander");
  await page.goto(`/incidents/${incident.id}`);
  await expectLive(room(page));
  await room(page).post(`/notify Payments by pager: paged ${uniqueTag()}`);
  // The demo organisation is in New York; this browser is in Berlin. The organisation's zone wins.
  const control = page.getByTestId("time-zone-setting");
  await expect(control).toHaveValue("organization");
  await expect(control.locator("option:checked")).toHaveText(/organisation's zone \(America\/New_York\)/);
  await expect(page.getByTestId("started-at")).toHaveText(/^\d\d:\d\d:\d\d (EST|GMT-5)$/);
  await expectZonedTimes(page);

  // This browser may use its own zone instead; every time still names it, and the key-time
  // editor speaks the zone the times are shown in.
  await control.selectOption("viewer");
  await expect(page.getByTestId("started-at")).toHaveText(/^\d\d:\d\d:\d\d (CET|GMT\+1)$/);
  await expectZonedTimes(page);
  await page.getByRole("button", { name: "Edit started time" }).click();
  await expect(page.getByTestId("input-zone").filter({ visible: true }).first()).toHaveText(/CET|GMT\+1/);
  await page.getByRole("button", { name: "Cancel" }).click();
  await control.selectOption("organization");
  await expect(page.getByTestId("started-at")).toHaveText(/(EST|GMT-5)$/);
});

test("pages outside the room name their zone: the invite expiry and the insights' told figures", async ({ pageAs }) => {
  const { page } = await pageAs("admin");
  await page.goto("/settings/impact");
  await expect(page.getByLabel("Organisation time zone")).toHaveValue("America/New_York");
  await page.goto("/insights?weeks=26");
  // Insights read the one "told" record: teams told in time, later, never.
  await expect(page.getByTestId("insights-telling")).toContainText(/Teams told in 15 min/i);
  await expect(page.getByTestId("insights-telling")).toContainText(/\d+ of \d+/);
  // An invitation's expiry: in the notice and on the person's row, in the organisation's zone, named.
  await page.goto("/settings/people");
  const email = `zones-${uniqueTag()}@shop.example`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("RESPONDER");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByText(/^Works once, until /)).toHaveText(/^Works once, until \d+ \w+, \d\d:\d\d (EST|GMT-5)\./);
  await expect(page.getByTestId("person-row").filter({ hasText: email })).toContainText(/link until \d+ \w+, \d\d:\d\d (EST|GMT-5)/);
});

const SIZES = [
  { name: "1366", viewport: { width: 1366, height: 768 } },
  { name: "390", viewport: { width: 390, height: 844 } },
] as const;

test("screens: room, triage, map and post-mortem (screen and print) at laptop and phone size", async ({ pageAs, apiAs }) => {
  test.setTimeout(120_000);
  const api = await apiAs("commander");
  const incident = await paymentsIncident(api);
  const pm = await seedPostmortem(api);
  const { page } = await pageAs("commander");
  for (const size of SIZES) {
    await page.setViewportSize(size.viewport);
    const shot = (name: string) =>
      page.screenshot({ path: path.join(SCREENS_DIR, `truth-${name}-${size.name}.png`), animations: "disabled" });
    await page.goto(`/incidents/${incident.id}`);
    await expectLive(room(page));
    await expect(page.getByTestId("header-teams-not-told")).toBeVisible();
    await shot("room");
    await page.goto("/triage");
    await expect(page.getByText(incident.title).filter({ visible: true }).first()).toBeVisible();
    await shot("triage");
    await page.goto(`/map?incident=${incident.id}`);
    await page.waitForLoadState("networkidle");
    // The blast radius by outline and pattern; on a phone also as a list.
    await expect(page.locator('[data-testid="map-node"][data-role="impacted"]').first()).toHaveCSS("outline-style", "double");
    if (size.name === "390") await expect(page.getByTestId("radius-list")).toContainText("Payment gateway adapter");
    await shot("map");
    await page.goto(`/postmortems/${pm.id}`);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await shot("postmortem");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({
      path: path.join(SCREENS_DIR, `truth-postmortem-print-${size.name}.png`),
      fullPage: true,
      animations: "disabled",
    });
    await page.emulateMedia({ media: "screen" });
  }
});

/** No sideways scrolling and no word cut in two: what a phone shows must read as text. */
async function expectFitsPhone(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth);
  expect(overflow, `${name} is ${overflow}px wider than the phone`).toBeLessThanOrEqual(0);
}

test("phone: the incident list keeps words whole and Settings → Notifications fits the screen", async ({ pageAs, apiAs }) => {
  const api = await apiAs("commander");
  await seedIncident(api, { title: `Fulfillment webhook deduplication backlog ${uniqueTag()}`, severity: "SEV2" });
  const { page } = await pageAs("admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/incidents");
  const titles = page.getByTestId("incident-title");
  await expect(titles.first()).toBeVisible();
  await expectFitsPhone(page, "/incidents");
  // Titles wrap between words; only a word wider than the column may break.
  for (const el of await titles.all()) {
    const style = await el.evaluate((e) => ({ wrap: getComputedStyle(e).overflowWrap, brk: getComputedStyle(e).wordBreak }));
    expect(style).toEqual({ wrap: "break-word", brk: "normal" });
  }
  // The longest word of each title fits its line: nothing is split mid-word.
  const cut = await titles.evaluateAll((els) =>
    els.flatMap((e) => {
      const width = e.getBoundingClientRect().width;
      const probe = document.createElement("span");
      probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap;font:inherit";
      e.appendChild(probe);
      const longest = (e.textContent ?? "").split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), "");
      probe.textContent = longest;
      const need = probe.getBoundingClientRect().width;
      probe.remove();
      return need > e.parentElement!.getBoundingClientRect().width + 1 ? [`${longest} (${Math.round(need)} > ${Math.round(width)})`] : [];
    }),
  );
  expect(cut).toEqual([]);
  await page.screenshot({ path: path.join(SCREENS_DIR, "truth-incidents-390.png"), fullPage: true, animations: "disabled" });

  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "Notification channels" })).toBeVisible();
  await expectFitsPhone(page, "/settings/notifications");
  await page.screenshot({ path: path.join(SCREENS_DIR, "truth-settings-notifications-390.png"), fullPage: true, animations: "disabled" });
});

test("status page: impacted journeys show by themselves only when the organisation turned it on", async ({ pageAs, apiAs }) => {
  const api = await apiAs("commander");
  const incident = await seedIncident(api, { title: `Internal: PSP pool exhausted ${uniqueTag()}`, severity: "SEV1" });
  const impact = await api.put(`/api/incidents/${incident.id}/impact`, { data: { journeys: { returns: { degradation: 95 } } } });
  expect(impact.status(), await impact.text()).toBe(200);
  const { page } = await pageAs("admin");
  const returnsRow = page.locator('[data-testid="status-journeys"] [data-journey="returns"]');
  // The status page caches for a few seconds: poll the row, do not sleep.
  const returnsStatus = async () => {
    await page.goto("/status");
    return returnsRow.getAttribute("data-status");
  };
  try {
    await page.goto("/settings/notifications");
    const toggle = page.getByTestId("status-auto-impact");
    await expect(toggle).not.toBeChecked();
    expect(await returnsStatus()).toBe("operational");

    await page.goto("/settings/notifications");
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/settings/status") && r.request().method() === "PATCH");
    await toggle.check();
    expect((await saved).status()).toBe(200);
    await expect.poll(returnsStatus, { timeout: 15_000 }).toBe("major_outage");
    await expect(page.getByTestId("status-incident").filter({ hasText: "We are investigating problems with" }).first()).toContainText(
      "Returns / refunds",
    );
    await expect(page.locator("body")).not.toContainText("PSP pool exhausted");
    for (const size of SIZES) {
      await page.setViewportSize(size.viewport);
      await page.screenshot({ path: path.join(SCREENS_DIR, `truth-status-auto-${size.name}.png`), fullPage: true, animations: "disabled" });
    }
  } finally {
    // The demo organisation is shared with other specs: leave the setting as it was.
    expect((await page.request.patch("/api/settings/status", { data: { statusAutoImpact: false } })).status()).toBe(200);
    await api.patch(`/api/incidents/${incident.id}`, { data: { status: "resolved" } });
  }
});

test("post-mortem: prints on white paper, guidance without asterisks, no template hint in the Summary", async ({ pageAs, apiAs }) => {
  const api = await apiAs("commander");
  const pm = await seedPostmortem(api);
  const { page } = await pageAs("commander");
  await page.goto(`/postmortems/${pm.id}`);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Replace with two or three sentences");
  await page.getByRole("button", { name: "Edit Contributing factors" }).click();
  const guidance = page.getByTestId("section-guidance");
  await expect(guidance).toContainText("Ask how and what, never who.");
  await expect(guidance.locator("em")).toHaveText(["how", "what", "who"]);
  await page.getByRole("button", { name: "Cancel" }).first().click();

  await page.emulateMedia({ media: "print" });
  // Every box from the page down to the document is white or transparent: no dark margins.
  const dark = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of [document.documentElement, document.body, ...document.body.querySelectorAll("body > *, main, main > *")]) {
      const bg = getComputedStyle(el).backgroundColor;
      const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(bg);
      if (m && Number(m[4] ?? 1) > 0 && Number(m[1]) + Number(m[2]) + Number(m[3]) < 600) out.push(`${el.tagName}.${el.className}: ${bg}`);
    }
    return out;
  });
  expect(dark).toEqual([]);
  await page.screenshot({ path: path.join(SCREENS_DIR, "truth-postmortem-print-check.png"), fullPage: true, animations: "disabled" });
  await page.emulateMedia({ media: "screen" });
});

test("screens: the pages #18's last items change, at laptop and phone size", async ({ pageAs }) => {
  test.setTimeout(120_000);
  const { page } = await pageAs("admin");
  for (const size of SIZES) {
    await page.setViewportSize(size.viewport);
    for (const [name, url] of [
      ["incidents", "/incidents"],
      ["settings-notifications", "/settings/notifications"],
      ["settings-people", "/settings/people"],
      ["settings-impact", "/settings/impact"],
      ["insights", "/insights"],
      ["status", "/status"],
    ] as const) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      await expectFitsPhone(page, url);
      await page.screenshot({ path: path.join(SCREENS_DIR, `truth-${name}-${size.name}.png`), fullPage: true, animations: "disabled" });
    }
  }
});
