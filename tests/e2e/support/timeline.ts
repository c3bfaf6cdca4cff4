// Helpers for changes to timeline entries, as a person makes them (markup in components/timeline).
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { TimelineEventDto } from "@/lib/timeline/event-dto.ts";

export interface EntryChange {
  entry: TimelineEventDto;
  amendment: TimelineEventDto | null;
}

/** The controls of one entry. Edit, Pin and Strike stay quiet until the entry is hovered or focused. */
export function entryControls(entry: Locator) {
  const reveal = async () => entry.hover();
  return {
    outcome: entry.getByTestId("action-outcome"),
    pinnedBadge: entry.getByTestId("pinned-badge"),
    struckNote: entry.getByTestId("struck-note"),
    button: (name: string | RegExp) => entry.getByRole("button", { name, exact: typeof name === "string" }),
    pin: async () => {
      await reveal();
      await entry.getByRole("button", { name: "Pin", exact: true }).click();
    },
    strike: async (reason: string) => {
      await reveal();
      await entry.getByRole("button", { name: "Strike", exact: true }).click();
      const input = entry.getByLabel(/Why strike #\d+ through\?/);
      await input.fill(reason);
      await input.press("Enter");
    },
    edit: async (text: string) => {
      await reveal();
      // While editing, the entry's text lives in a textbox: find the entry by its number instead.
      const seq = await entry.getAttribute("data-seq");
      await entry.getByRole("button", { name: "Edit", exact: true }).click();
      const box = entry.page().getByRole("textbox", { name: `Text of entry #${seq}` });
      await box.fill(text);
      await box.press("Enter");
    },
  };
}

export function pinnedList(page: Page): Locator {
  return page.getByTestId("pinned-list");
}

export function struckToggle(page: Page): Locator {
  return page.getByRole("button", { name: /^Struck-through \(\d+\)$/ });
}

/** Changes an entry through the API, checking the answer. */
export async function changeEntry(
  api: APIRequestContext,
  incidentId: string,
  seq: number,
  path: "" | "/pin" | "/strike",
  data: unknown,
  method: "PATCH" | "POST" = "POST",
): Promise<EntryChange> {
  const res = await api.fetch(`/api/incidents/${incidentId}/events/${seq}${path}`, { method: path === "" ? "PATCH" : method, data });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as EntryChange;
}

/** Every stored entry's body in sequence order, as the API has them: proves what was stored, and how often. */
export async function storedBodies(api: APIRequestContext, incidentId: string): Promise<string[]> {
  const res = await api.get(`/api/incidents/${incidentId}/events?limit=500`);
  expect(res.status()).toBe(200);
  const page = (await res.json()) as { events: TimelineEventDto[] };
  return page.events.sort((a, b) => a.seq - b.seq).map((e) => e.body);
}
