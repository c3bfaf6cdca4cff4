// The most common incident at peak starts from an alert: an Alertmanager notification on the
// payment gateway adapter must land on the commander's triage board already ranked by money.
import path from "node:path";
import type { TriageDto } from "../../lib/impact/impact-dto.ts";
import { expect, test } from "./support/fixtures.ts";
import { SCREENS_DIR } from "./support/env.ts";
import { expectLive, room } from "./support/room.ts";
import { uniqueTag } from "./support/seed.ts";

/** Alertmanager's webhook (version 4): one notification group of two firing alerts. */
function alertGroup(tag: string) {
  const labels = { alertname: `PspAuthErrors${tag}`, service: "payment-gateway", severity: "critical", env: "prod" };
  const alert = (instance: string, fingerprint: string) => ({
    status: "firing",
    labels: { ...labels, instance },
    annotations: { summary: `PSP authorisations failing ${tag}`, runbook_url: "https://wiki.example/runbooks/psp-errors" },
    startsAt: new Date(Date.now() - 30_000).toISOString(),
    endsAt: "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.monitoring.svc:9090/graph?g0.expr=psp_auth_errors_ratio",
    fingerprint,
  });
  return {
    version: "4",
    groupKey: `{}:{alertname="PspAuthErrors${tag}"}`,
    truncatedAlerts: 0,
    status: "firing",
    receiver: "warroom",
    groupLabels: { alertname: labels.alertname },
    commonLabels: labels,
    commonAnnotations: { summary: `PSP authorisations failing ${tag}` },
    externalURL: "http://alertmanager.monitoring.svc:9093",
    alerts: [alert("pgw-1:8080", `${tag}a`), alert("pgw-2:8080", `${tag}b`)],
  };
}

test("an Alertmanager alert on the payment gateway adapter puts a ranked $/min row on the triage board within a second", async ({
  apiAs,
  pageAs,
  playwright,
}) => {
  const tag = uniqueTag();
  const admin = await apiAs("admin");
  const created = await admin.post("/api/integrations", { data: { kind: "alertmanager", name: `Prometheus ${tag}` } });
  expect(created.status()).toBe(201);
  const { integration, secret } = (await created.json()) as { integration: { webhookPath: string }; secret: string };

  const { page: board } = await pageAs("commander");
  await board.setViewportSize({ width: 1366, height: 768 });
  await board.goto("/triage");
  await expectLive(room(board));

  const monitor = await playwright.request.newContext({ baseURL: new URL(board.url()).origin });
  const res = await monitor.post(integration.webhookPath, { data: alertGroup(tag), headers: { authorization: `Bearer ${secret}` } });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ opened: 1 });
  await monitor.dispose();

  // Within a second of the answer: the row, with money per minute and the estimate flagged.
  const row = board.getByTestId("triage-row").filter({ hasText: `PSP authorisations failing ${tag}` });
  await expect(row).toBeVisible({ timeout: 1_000 });
  await expect(row.getByTestId("triage-per-minute")).not.toHaveText(/^\$0(\.00)?\/min$/, { timeout: 1_000 });
  await expect(row.getByTestId("impact-estimated")).toBeVisible();
  await expect(row).toContainText("SEV2");

  // Ranked by money: the board's order is the API's, and no $0 incident sits above it.
  const ranked = (await (await admin.get("/api/triage")).json()) as TriageDto;
  const ids = await board.getByTestId("triage-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-incident-id")));
  expect(ids).toEqual(ranked.incidents.map((r) => r.incident.id));
  const mine = ranked.incidents.findIndex((r) => r.incident.title.includes(tag));
  expect(ranked.incidents[mine]?.impact.perMinute.revenue).toBeGreaterThan(0);
  // Without the estimate it was $0 and ranked below every other SEV2: now no $0 incident short of a SEV1 is above it.
  expect(ranked.incidents.slice(0, mine).filter((r) => r.impact.perMinute.revenue === 0 && r.incident.severity !== "SEV1")).toEqual([]);
  await board.screenshot({ path: path.join(SCREENS_DIR, "alert-impact-triage-1366.png") });

  // The room: the group's alerts with their links, the estimate to confirm.
  await row.getByRole("link").first().click();
  const r = room(board);
  await expectLive(r);
  const entry = r.entry(`Firing: PSP authorisations failing ${tag}`);
  await expect(entry.getByTestId("alert-links").getByRole("link", { name: /Runbook/ })).toHaveAttribute(
    "href",
    "https://wiki.example/runbooks/psp-errors",
  );
  await expect(entry.getByTestId("alert-links").getByRole("link", { name: /Alertmanager/ })).toBeVisible();
  await expect(board.getByTestId("impact-estimate-note")).toContainText("Checkout 25%");
  await board.screenshot({ path: path.join(SCREENS_DIR, "alert-impact-room-1366.png") });
  await board.getByRole("button", { name: "Confirm estimate" }).click();
  await expect(board.getByTestId("impact-estimate-note")).toHaveCount(0);
  await expect(board.getByTestId("impact-journeys").getByTestId("impact-estimated")).toHaveCount(0);

  await board.setViewportSize({ width: 390, height: 844 });
  await board.goto("/triage");
  await expect(board.getByTestId("triage-card").filter({ hasText: tag })).toBeVisible();
  await board.screenshot({ path: path.join(SCREENS_DIR, "alert-impact-triage-390.png"), fullPage: true });
});
