import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { HEADER_ROW } from '../../main/exports/xlsx/register-sheets';
import { chromiumAvailable } from './support/chromium';
import { connectChromium } from './support/shared-chromium';
import { collectPageErrors, screenshot } from './support/page-helpers';
import { read } from './support/register-helpers';
import { ensureRendererBuilt } from './support/renderer-build';
import { startTestShell, type TestShell } from './support/web-shell';

/**
 * A county's plan in Excel, through the page: the Deliverables screen gives the cycle workbook and
 * a blank one; the edited workbook's preview lists the change field by field and every problem,
 * and Apply writes it; the start screen starts a new cycle from the untouched workbook.
 */
describe.skipIf(!chromiumAvailable())('the cycle workbook as an input, in the browser', () => {
  let shell: TestShell;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let folder: string;
  let cycleId = '';
  let exported = '';

  const deliverables = async () => {
    await page.goto(`${shell.url}#/cycles/${cycleId}/deliverables`);
    await page.reload();
    await page.getByRole('heading', { name: 'Update from a workbook' }).waitFor();
  };
  const download = async (button: string, name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
    const target = path.join(folder, name);
    await file.saveAs(target);
    return target;
  };
  const edit = async (source: string, target: string, change: (workbook: ExcelJS.Workbook) => void) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(source);
    change(workbook);
    await workbook.xlsx.writeFile(target);
    return target;
  };

  beforeAll(async () => {
    await ensureRendererBuilt();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-workbook-e2e-'));
    shell = await startTestShell();
    await read(shell.api, 'app:setUserName', { userName: 'Amina Wario' });
    cycleId = (await read(shell.api, 'cycle:loadSample', {})).id;
    browser = await connectChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })).newPage();
    pageErrors = collectPageErrors(page);
  });
  afterEach(() => expect(pageErrors.join('\n')).toBe(''));
  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('Deliverables gives the cycle workbook and a blank one', async () => {
    await deliverables();
    exported = await download('Cycle workbook', 'workbook.xlsx');
    const blank = await download('Blank workbook', 'blank.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(blank);
    expect(workbook.getWorksheet('Activities')?.getCell(HEADER_ROW, 1).value).toBe('Code');
    // Its header row is the last row: no data rows.
    expect(workbook.getWorksheet('Activities')?.lastRow?.number).toBe(HEADER_ROW);
  });

  it('previews an edited workbook change by change, with its problems, and applies the valid rows', async () => {
    const risks = await read(shell.api, 'risk:list', { cycleId });
    const edited = await edit(exported, path.join(folder, 'edited.xlsx'), (workbook) => {
      const sheet = workbook.getWorksheet('Risks') as ExcelJS.Worksheet;
      sheet.getCell(HEADER_ROW + 1, 5).value = 'Pre-position spares at the sub-county office';
      sheet.getCell(HEADER_ROW + 2, 6).value = 'Isiolo Camel Traders Union';
    });
    await deliverables();
    const panel = page.getByRole('region', { name: 'Update from a workbook' });
    await panel.getByLabel('Cycle workbook (.xlsx)').setInputFiles(edited);
    await panel.getByText('Risks: 0 to add, 1 to change, 0 to remove').waitFor();
    await panel.getByText('Pre-position spares at the sub-county office').waitFor();
    expect(await panel.getByRole('table', { name: /1 problem to fix/ }).textContent()).toMatch(
      /Risks, row 6, Responsible entity.*"Isiolo Camel Traders Union" is not an organisation of this cycle/,
    );
    const apply = panel.getByRole('button', { name: 'Apply the changes' });
    expect(await apply.isDisabled()).toBe(true);
    await panel.getByText('Risks: 0 to add, 1 to change, 0 to remove').scrollIntoViewIfNeeded();
    await screenshot(page, 'workbook-01-update-preview');
    await panel.getByRole('checkbox', { name: /Save the valid rows only/ }).check();
    await apply.click();
    await panel.getByText(/^Saved\. A backup was taken first/).waitFor();
    await panel.getByRole('button', { name: 'Download the rows to fix' }).waitFor();
    const after = await read(shell.api, 'risk:list', { cycleId });
    expect(after[0]?.mitigation).toBe('Pre-position spares at the sub-county office');
    expect(after[1]).toEqual(risks[1]);
  });

  it('previews a returned partner template in the same panel and preview, and applies it', async () => {
    const udra = (await read(shell.api, 'organisation:list', { cycleId })).find((org) => org.shortName === 'UDRA');
    if (!udra) throw new Error('The sample has no UDRA.');
    const { buffer } = await exportXlsx(shell.ctx, { cycleId, doc: 'partner-template', partnerOrgId: udra.id });
    const template = path.join(folder, 'udra-template.xlsx');
    fs.writeFileSync(template, buffer);
    const own = (await read(shell.api, 'activity:list', { cycleId })).filter((activity) => activity.ownerOrgId === udra.id);
    const first = own[0];
    if (!first) throw new Error('UDRA has no activity in the sample.');
    const returned = await edit(template, path.join(folder, 'udra-returned.xlsx'), (workbook) => {
      const sheet = workbook.getWorksheet('Activities') as ExcelJS.Worksheet;
      const headerRow = 3;
      const columnOf = (header: string) => (sheet.getRow(headerRow).values as unknown[]).indexOf(header);
      sheet.eachRow((row, number) => {
        if (number > headerRow && row.getCell(columnOf('Row ID')).value === first.id) row.getCell(columnOf('Completion %')).value = 55;
      });
    });
    await deliverables();
    const panel = page.getByRole('region', { name: 'Import a returned partner template' });
    await panel.getByLabel('Workbook (.xlsx)').setInputFiles(returned);
    await panel.getByRole('table', { name: 'Sheets read from udra-returned.xlsx' }).waitFor();
    await panel.getByText(/^Activities: 0 to add, 1 to change$/).waitFor();
    await panel.getByText(`The template of ${udra.name} for`).waitFor();
    await panel.getByRole('button', { name: 'Apply', exact: true }).click();
    await panel.getByText('Saved: 0 added, 1 changed.').waitFor();
    const after = (await read(shell.api, 'activity:list', { cycleId })).find((activity) => activity.id === first.id);
    expect(after?.completionPct).toBe(55);
  });

  it('starts a new cycle from a workbook on the start screen', async () => {
    await page.goto(`${shell.url}#/`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Joint Work Planning cycles' }).waitFor();
    const panel = page.getByRole('region', { name: 'Start from a workbook' });
    await panel.getByLabel('Cycle workbook (.xlsx)').setInputFiles(exported);
    await panel.getByText('Activities: 29 to add, 0 to change, 0 to remove').waitFor();
    await panel.getByRole('table', { name: /Sheets read from workbook\.xlsx/ }).evaluate((table) => {
      table.scrollIntoView({ block: 'start' });
      // Below the sticky top bar.
      window.scrollBy(0, -90);
    });
    await screenshot(page, 'workbook-02-start-preview');
    const before = (await read(shell.api, 'cycle:list', {})).length;
    await panel.getByRole('button', { name: 'Create the cycle' }).click();
    await page.waitForURL(/#\/cycles\/[0-9a-f-]+/);
    const cycles = await read(shell.api, 'cycle:list', {});
    expect(cycles.length).toBe(before + 1);
    const created = cycles.find((cycle) => cycle.id !== cycleId && page.url().includes(cycle.id));
    expect(created).toBeDefined();
    expect((await read(shell.api, 'activity:list', { cycleId: created?.id ?? '' })).length).toBe(29);
  });
});
