import { expect, type Locator, type Page } from "@playwright/test";

/** The room as a person sees it; locators follow the markup in components/timeline. */
export function room(page: Page) {
  const entries = page.getByTestId("timeline-entry");
  return {
    page,
    composer: page.getByLabel("New timeline entry"),
    connection: page.getByTestId("connection"),
    presence: page.getByTestId("presence"),
    commander: page.getByTestId("commander"),
    entries,
    pending: page.getByTestId("pending-entry"),
    entry: (text: string): Locator => entries.filter({ hasText: text }),
    /** Types into the composer and presses Enter, the way a responder posts. */
    post: async (text: string): Promise<void> => {
      const composer = page.getByLabel("New timeline entry");
      await composer.fill(text);
      await composer.press("Enter");
      await expect(composer).toHaveValue("");
    },
    /** Confirmed entries as [seq, text], in the order the page shows them. */
    confirmed: async (): Promise<{ seq: number; text: string }[]> =>
      entries.evaluateAll((items) => items.map((item) => ({ seq: Number(item.getAttribute("data-seq")), text: item.textContent ?? "" }))),
  };
}

export type Room = ReturnType<typeof room>;

/** Waits until the room's socket is joined and live. */
export async function expectLive(r: Room): Promise<void> {
  await expect(r.connection).toHaveAttribute("data-state", "live");
  await expect(r.connection).toHaveText(/^\W*Live$/);
}

/** Marks the page so a later check can prove it was never reloaded. */
export async function markNoReload(page: Page): Promise<string> {
  const token = Math.random().toString(36).slice(2);
  await page.evaluate((t) => Reflect.set(window, "__e2eNoReload", t), token);
  return token;
}

export async function expectNotReloaded(page: Page, token: string): Promise<void> {
  expect(await page.evaluate(() => Reflect.get(window, "__e2eNoReload") as unknown), "the page was reloaded").toBe(token);
}
