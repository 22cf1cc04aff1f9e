import type { Locator, Page } from 'playwright-core';
import type { ApiClient } from '../../../shared/api/client';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api/contract';

/** Reads through the API or fails the test with the API's own message. */
export async function read<M extends ApiMethod>(api: ApiClient, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await api(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

export const nav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: 'Registers of this cycle' }).getByRole('link', { name: label, exact: true });

/** Opens a cycle screen from the left navigation and waits for its heading. */
export async function openScreen(page: Page, label: string, heading: string): Promise<void> {
  await nav(page, label).click();
  await page
    .getByRole('heading', { level: 2, name: new RegExp(`^${heading}`) })
    .first()
    .waitFor();
}

/** The editor drawer, by its title ("New risk", "Risk: R1 …"). */
export const drawer = (page: Page, title: string | RegExp = /.*/) => page.getByRole('dialog', { name: title });

export async function openAdd(page: Page, noun: string): Promise<Locator> {
  await page.getByRole('button', { name: `+ Add ${noun}`, exact: true }).click();
  const panel = drawer(page, `New ${noun}`);
  await panel.waitFor();
  return panel;
}

/** Fills a drawer's fields by label: text for inputs, an option label for lists, true/false for tick boxes, a list of option labels for several choices. */
export async function fill(panel: Locator, values: Record<string, string | boolean | string[]>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      const group = panel.getByRole('group', { name: label, exact: true });
      for (const option of value) await group.getByLabel(option, { exact: true }).check();
      continue;
    }
    const control = panel.getByLabel(label, { exact: true });
    if (typeof value === 'boolean') await control.setChecked(value);
    else if ((await control.evaluate((element) => element.tagName)) === 'SELECT') await control.selectOption({ label: value });
    else await control.fill(value);
  }
}

/** Saves the drawer's form with Enter in its first text field, as a keyboard user would. */
export async function saveWithEnter(panel: Locator): Promise<void> {
  await panel.locator('form input[type="text"]').first().press('Enter');
}

export async function waitForNotice(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}
