import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { drawer, read, waitForNotice } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

const COUNTY_CHALLENGE = 'Site survey in Cherab delayed by insecurity.';

/**
 * The county Secretariat and one partner (UDRA) exchange the plan as .jwpb files, each in its own
 * copy of the app: the county sends UDRA its part, UDRA starts from it, both edit the same activity
 * apart, UDRA sends its part back and the county resolves the one field both changed (the rest
 * merges field by field on its own), then undoes
 * the import. A damaged file is refused in plain words. Every step is driven through the page; the
 * API only sets up and checks what each database holds.
 */
describe.skipIf(!chromiumAvailable())('partner bundles between two copies of the app', () => {
  let county: TestShell;
  let partner: TestShell;
  let browser: Browser;
  let countyPage: Page;
  let partnerPage: Page;
  let pageErrors: string[];
  let folder: string;
  let cycleId = '';
  let activityId = '';
  let countyFile = '';
  let partnerFile = '';

  const activity = async (shell: TestShell) => {
    const found = (await read(shell.api, 'activity:list', { cycleId })).find((a) => a.id === activityId);
    if (!found) throw new Error('A1.4 is missing');
    return found;
  };
  const openExchange = async (page: Page, shell: TestShell) => {
    await page.goto(`${shell.url}#/cycles/${cycleId}/exchange`);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Exchange with partners' }).waitFor();
  };
  /** Prepares a partner bundle for UDRA in the export panel and saves the download to a file. */
  const exportUdra = async (page: Page, name: string): Promise<string> => {
    const send = page.getByRole('region', { name: 'Send the plan' });
    await send.getByRole('radio', { name: /One organisation’s part/ }).check();
    await send.getByLabel('Organisation', { exact: true }).selectOption({ label: 'UDRA — Ustahimilivu Drylands Resilience Activity (USAID-funded)' });
    await send.getByRole('button', { name: 'Prepare the bundle' }).click();
    await send.getByText(/is ready/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), send.getByRole('button', { name: 'Save the bundle file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.jwpb$/);
    const file = path.join(folder, name);
    await download.saveAs(file);
    return file;
  };
  const receive = (page: Page) => page.getByRole('region', { name: /^(Receive a bundle|Received a plan from the Secretariat\?)$/ });
  /** A table's body as it is seen, cell by cell (the rows' header cells included, words only for screen readers left out). */
  const rowsOf = (table: Locator) =>
    table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) => {
          const seen = cell.cloneNode(true) as Element;
          seen.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
          return seen.textContent?.trim() ?? '';
        }),
      ),
    );

  beforeAll(async () => {
    await ensureRendererBuilt();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-bundles-e2e-'));
    county = await startTestShell();
    partner = await startTestShell();
    await read(county.api, 'app:setUserName', { userName: 'Amina Wario' });
    await read(partner.api, 'app:setUserName', { userName: 'Yusuf Hirsi' });
    cycleId = (await read(county.api, 'cycle:loadSample', {})).id;
    activityId = (await read(county.api, 'activity:list', { cycleId })).find((a) => a.code === 'A1.4')?.id ?? '';
    browser = await connectChromium();
    const open = async () => (await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })).newPage();
    countyPage = await open();
    partnerPage = await open();
    pageErrors = [...collectPageErrors(countyPage), ...collectPageErrors(partnerPage)];
  });
  afterEach(() => expect(pageErrors.join('\n')).toBe(''));
  afterAll(async () => {
    await browser?.close();
    await county?.close();
    await partner?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('the county exports UDRA’s part, saying what personal data leaves the computer', async () => {
    await openExchange(countyPage, county);
    countyFile = await exportUdra(countyPage, 'county-to-udra.jwpb');
    const ready = countyPage.getByRole('region', { name: 'Send the plan' });
    expect(await ready.getByRole('note').textContent()).toMatch(
      /^Personal data: .*the names, job titles, phone numbers and email addresses of 4 contact people \(CGI-FEP: 2; UDRA: 2\)\. No other stakeholders/,
    );
    await screenshot(countyPage, 'bundles-01-county-export');
    expect(fs.statSync(countyFile).size).toBeGreaterThan(1000);
  });

  it('the partner starts from that file on an empty database, after trusting the county’s key', async () => {
    await partnerPage.goto(partner.url);
    await receive(partnerPage).getByLabel('Bundle file (.jwpb)').setInputFiles(countyFile);
    const panel = receive(partnerPage);
    await panel.getByText(/^Not imported yet: this file is signed by County Government of Isiolo .* with a key this computer does not trust yet/).waitFor();
    await panel.getByText(/not trusted here yet/).waitFor();
    const { fingerprint } = await read(county.api, 'bundle:keys', {});
    expect(await panel.textContent()).toContain(fingerprint);
    const trust = panel.getByRole('button', { name: 'Trust this sender' });
    expect(await trust.isDisabled()).toBe(true);
    await panel.getByText(/Trust this sender only if/).scrollIntoViewIfNeeded();
    await screenshot(partnerPage, 'bundles-02-partner-untrusted');
    expect(await read(partner.api, 'cycle:list', {})).toEqual([]);

    // By keyboard: tick the box, Tab to the button, Enter; the preview's headline then has the focus.
    await panel.getByRole('checkbox', { name: /same fingerprint/ }).focus();
    await partnerPage.keyboard.press('Space');
    await partnerPage.keyboard.press('Tab');
    expect(await trust.evaluate((button) => button === document.activeElement)).toBe(true);
    await partnerPage.keyboard.press('Enter');
    await partnerPage
      .locator(':focus')
      .filter({ hasText: /^This adds the cycle “Isiolo County Joint Work Plan FY 2026\/27”/ })
      .waitFor();
    await panel.getByText(/^To add: 13 organisations, 4 contacts, .*11 activities/).scrollIntoViewIfNeeded();
    await screenshot(partnerPage, 'bundles-03-partner-ready');
    await panel.getByRole('button', { name: /^Apply/ }).click();
    await waitForNotice(partnerPage, /Imported: 84 added\. A backup was taken first\./);
    await partnerPage.getByRole('link', { name: 'Isiolo County Joint Work Plan FY 2026/27' }).waitFor();
    await screenshot(partnerPage, 'bundles-04-partner-imported');

    const [cycle] = await read(partner.api, 'cycle:list', {});
    expect(cycle?.id).toBe(cycleId);
    const udraId = (await read(partner.api, 'organisation:list', { cycleId })).find((o) => o.shortName === 'UDRA')?.id;
    const led = (await read(partner.api, 'activity:list', { cycleId })).filter((a) => a.leadOrgId === udraId).map((a) => a.code);
    expect(led).toEqual(expect.arrayContaining(['A1.4', 'A3.3', 'A3.5', 'A4.2']));
    expect((await activity(partner)).completionPct).toBe(0);
  });

  it('both copies edit activity A1.4 apart: the partner in its form, the county through the API', async () => {
    await partnerPage.goto(`${partner.url}#/cycles/${cycleId}/action-plan`);
    await partnerPage.locator('[data-activity-row="A1.4"] td').first().click();
    const panel = drawer(partnerPage, /^Activity: A1\.4/);
    await panel.getByLabel('Status', { exact: true }).selectOption({ label: 'Ongoing' });
    await panel.getByLabel('Completion %').fill('20');
    await panel.getByLabel('Completion %').press('Enter');
    await waitForNotice(partnerPage, 'Saved: the activity “A1.4');
    expect(await activity(partner)).toMatchObject({ status: 'ongoing', completionPct: 20 });

    await read(county.api, 'activity:update', { id: activityId, changes: { completionPct: 10, challenges: COUNTY_CHALLENGE } });
    expect(await activity(county)).toMatchObject({ status: 'planned', completionPct: 10, challenges: COUNTY_CHALLENGE });
  });

  it('the county takes the partner’s status and progress but keeps its own challenge, field by field', async () => {
    await openExchange(partnerPage, partner);
    // UDRA's copy speaks for UDRA, so its own part is already chosen.
    const send = partnerPage.getByRole('region', { name: 'Send the plan' });
    await partnerPage.getByText(/it speaks for Ustahimilivu/).waitFor();
    expect(await send.getByLabel('Organisation', { exact: true }).locator('option:checked').textContent()).toMatch(/^UDRA — /);
    partnerFile = await exportUdra(partnerPage, 'udra-to-county.jwpb');

    await openExchange(countyPage, county);
    const panel = receive(countyPage);
    await panel.getByLabel('Bundle file (.jwpb)').setInputFiles(partnerFile);
    await panel.getByRole('checkbox', { name: /same fingerprint/ }).check();
    await panel.getByRole('button', { name: 'Trust this sender' }).click();
    const conflicts = panel.getByRole('list', { name: 'Conflicts to resolve' });
    await conflicts.waitFor();
    await conflicts
      .getByText(/Choose only for Completion %, changed on both sides\. Challenges changed only here: yours is kept\. Status changed only by Ustahimilivu/)
      .waitFor();
    const fields = conflicts.getByRole('table', { name: /^Fields of A1\.4/ });
    // Field by field, mine → theirs: only Completion % was changed on both sides. The county's edit
    // is the later one, so keeping it is suggested; UDRA's status and the county's challenge stand.
    expect(await rowsOf(fields)).toEqual([
      ['Status', 'Theirs only', 'Planned', 'Ongoing', 'Ongoing'],
      ['Completion %', 'Both sides', '10 %', '20 %', '10 %'],
      ['Challenges', 'Here only', COUNTY_CHALLENGE, '—', COUNTY_CHALLENGE],
    ]);
    expect(await activity(county)).toMatchObject({ status: 'planned', completionPct: 10 });

    await conflicts.getByRole('radio', { name: /^Take theirs \(Ustahimilivu.*’s\) where both changed/ }).check();
    expect(await rowsOf(fields)).toEqual([
      ['Status', 'Theirs only', 'Planned', 'Ongoing', 'Ongoing'],
      ['Completion %', 'Both sides', '10 %', '20 %', '20 %'],
      ['Challenges', 'Here only', COUNTY_CHALLENGE, '—', COUNTY_CHALLENGE],
    ]);
    // Field by field, even a field only one side changed can be decided by hand.
    await conflicts.getByRole('radio', { name: 'Choose field by field' }).check();
    expect(await conflicts.getByRole('radio', { name: 'Status, take theirs: Ongoing' }).isChecked()).toBe(true);
    expect(await conflicts.getByRole('radio', { name: /^Challenges, keep mine/ }).isChecked()).toBe(true);
    await conflicts.getByRole('radio', { name: 'Completion %, take theirs: 20 %' }).check();
    await fields.scrollIntoViewIfNeeded();
    await screenshot(countyPage, 'bundles-05-county-conflict');

    await panel.getByRole('button', { name: 'Apply with these choices' }).click();
    await waitForNotice(countyPage, 'Imported: 1 conflict resolved. A backup was taken first.');
    // The notice offers the import's Undo at once; the next step takes it from the history instead.
    expect(await countyPage.getByRole('status').locator('.notice').getByRole('button', { name: 'Undo' }).count()).toBe(1);
    expect(await activity(county)).toMatchObject({ status: 'ongoing', completionPct: 20, challenges: COUNTY_CHALLENGE });
    const history = countyPage.getByRole('table', { name: 'Bundles imported' });
    await history.getByRole('row', { name: /Ustahimilivu Drylands Resilience Activity \(USAID-funded\) their part 1 conflict resolved/ }).waitFor();
    await history.scrollIntoViewIfNeeded();
    await screenshot(countyPage, 'bundles-06-county-applied');
  });

  it('the county undoes that import from its history, after confirming', async () => {
    const history = countyPage.getByRole('table', { name: 'Bundles imported' });
    await history.getByRole('button', { name: 'Undo the last import…' }).click();
    const confirm = countyPage.getByRole('dialog', { name: 'Undo this import?' });
    await screenshot(countyPage, 'bundles-07-county-undo-confirm');
    await confirm.getByRole('button', { name: 'Undo the import' }).click();
    await history.getByText(/^Undone /).waitFor();
    expect(await activity(county)).toMatchObject({ status: 'planned', completionPct: 10, challenges: COUNTY_CHALLENGE });
    const [undone] = await read(county.api, 'bundle:history', { cycleId });
    expect(undone?.undoneAt).not.toBeNull();
    expect(await history.getByRole('button', { name: /Undo/ }).count()).toBe(0);
    await screenshot(countyPage, 'bundles-08-county-undone');
  });

  it('refuses a damaged file in plain words and writes nothing', async () => {
    const bytes = fs.readFileSync(partnerFile);
    for (const at of [40, Math.floor(bytes.length / 2)]) bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const damaged = path.join(folder, 'damaged.jwpb');
    fs.writeFileSync(damaged, bytes);
    const before = { activities: await read(county.api, 'activity:list', { cycleId }), imports: await read(county.api, 'bundle:history', { cycleId }) };

    await openExchange(countyPage, county);
    const panel = receive(countyPage);
    await panel.getByLabel('Bundle file (.jwpb)').setInputFiles(damaged);
    await panel.getByText('The bundle file is damaged or was changed after it was made', { exact: false }).waitFor();
    expect(await panel.getByRole('button', { name: /^Apply/ }).count()).toBe(0);
    await screenshot(countyPage, 'bundles-09-county-damaged');

    // A text file named .jwpb is refused as well, and the panel offers the file choice again.
    await panel.getByRole('button', { name: 'Choose another file' }).click();
    const text = path.join(folder, 'minutes.jwpb');
    fs.writeFileSync(text, 'Minutes of the TWG meeting, 12 November 2026\n');
    await panel.getByLabel('Bundle file (.jwpb)').setInputFiles(text);
    await panel.getByText(/is not a Pamoja JWP bundle/).waitFor();

    expect(await read(county.api, 'activity:list', { cycleId })).toEqual(before.activities);
    expect(await read(county.api, 'bundle:history', { cycleId })).toEqual(before.imports);
  });
});
