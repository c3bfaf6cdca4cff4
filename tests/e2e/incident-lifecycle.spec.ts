// The commander runs the incident from the room; everyone else sees each change live.
import { DEMO_USERS } from "./support/auth.ts";
import { expectNoSeriousViolations } from "./support/axe.ts";
import { expect, test } from "./support/fixtures.ts";
import { expectLive, expectNotReloaded, markNoReload, room } from "./support/room.ts";
import { seedIncident } from "./support/seed.ts";

test("status, severity, hand-over and impacted services reach the other browser live", async ({ pageAs, apiAs }) => {
  const incident = await seedIncident(await apiAs("commander"), { severity: "SEV2" });

  const { page: commanderPage } = await pageAs("commander");
  await commanderPage.goto(`/incidents/${incident.id}`);
  const commander = room(commanderPage);
  await expectLive(commander);

  const { page: responderPage } = await pageAs("responder");
  await responderPage.goto(`/incidents/${incident.id}`);
  const responder = room(responderPage);
  await expectLive(responder);
  const token = await markNoReload(responderPage);
  // A responder who is not in command sees the state, not the controls.
  await expect(responderPage.getByLabel("Change status")).toHaveCount(0);

  await commanderPage.getByLabel("Change status").selectOption("identified");
  await commanderPage.getByTestId("status-confirm").getByRole("button", { name: "Set Identified" }).click();
  await expect(responderPage.getByRole("banner").getByText("Identified")).toBeVisible();
  await expect(responder.entry("Status: Investigating → Identified")).toHaveCount(1);

  await commanderPage.getByLabel("Change severity").selectOption("SEV1");
  await commanderPage.getByTestId("severity-confirm").getByRole("button", { name: "Set SEV1" }).click();
  await expect(responderPage.getByRole("banner").getByText("SEV1")).toBeVisible();
  await expect(responder.entry("Severity: SEV2 → SEV1")).toHaveCount(1);

  // Impacted services, picked from the catalog.
  await commanderPage.getByRole("button", { name: "Edit impacted services" }).click();
  await commanderPage.getByLabel("Payment gateway adapter").check();
  await commanderPage.getByRole("button", { name: "Save" }).click();
  await expect(responderPage.getByTestId("impacted-services")).toContainText("Payment gateway adapter");
  await expect(responder.entry("Impacted: Payment gateway adapter")).toHaveCount(1);
  // The blast radius names the teams that depend on it, and why.
  const teams = responderPage.getByTestId("teams-to-notify");
  await expect(teams).toContainText("Checkout API → Payment gateway adapter");
  await expect(teams).toContainText("OMS → Payment gateway adapter");
  await expect(teams.getByText("Fulfillment", { exact: true })).toBeVisible();

  // Who told fulfillment? Recorded from the panel, visible to everyone at once.
  const fulfillment = commanderPage.getByTestId("team-Fulfillment");
  await expect(fulfillment.getByTestId("notify-state")).toContainText("Not told yet");
  await fulfillment.getByRole("button", { name: "Mark told…" }).click();
  await fulfillment.getByLabel("How Fulfillment was told").selectOption("phone");
  await fulfillment.getByRole("button", { name: "Record" }).click();
  await expect(responder.entry("Told Fulfillment by phone")).toHaveCount(1);
  const seenByResponder = responderPage.getByTestId("team-Fulfillment").getByTestId("notify-state");
  await expect(seenByResponder).toContainText(`Told by ${DEMO_USERS.commander.name} via phone`);
  await fulfillment.getByRole("button", { name: "They acknowledged" }).click();
  await expect(seenByResponder).toContainText("Acknowledged");

  // Roles are picked by searching the organisation (#17: no list of everyone in the page). By
  // keyboard: type part of a name, arrow to it, Enter.
  const scribe = commanderPage.getByRole("combobox", { name: "Set scribe" });
  // Only people who may take a role are offered: the viewer never is.
  await scribe.fill("vic viewer");
  await expect(commanderPage.getByRole("status").filter({ hasText: "Nobody matches" })).toBeVisible();
  await scribe.fill("RILEY");
  await expect(commanderPage.getByRole("option", { name: DEMO_USERS.responder.name })).toBeVisible();
  await expectNoSeriousViolations(commanderPage);
  await scribe.press("ArrowDown");
  await expect(scribe).toHaveAttribute("aria-activedescendant", /.+/);
  await scribe.press("Enter");
  await expect(responderPage.getByTestId("role-scribe")).toHaveText(DEMO_USERS.responder.name);

  // Hand-over is explicit and logged; the new commander gets the controls.
  commanderPage.once("dialog", (dialog) => void dialog.accept());
  await commanderPage.getByRole("combobox", { name: "Hand over command to" }).fill("Riley R");
  await commanderPage.getByRole("option", { name: DEMO_USERS.responder.name }).click();
  await expect(responder.commander).toHaveText(DEMO_USERS.responder.name);
  await expect(responder.entry(`${DEMO_USERS.commander.name} handed command to ${DEMO_USERS.responder.name}`)).toHaveCount(1);
  await expect(responderPage.getByLabel("Change status")).toBeVisible();
  await expectNotReloaded(responderPage, token);
});
