import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { repoRoot } from '../../../main/resource-paths';
import { loadSampleCycle } from '../../../main/services/sample';
import { requireTool } from '../../support/external-tools';
import { testApp } from '../../support/test-app';
import { soffice } from '../xlsx/support';

/**
 * A county plan of large-plan size in money: the sample with every amount 500 times larger, so its
 * totals run to billions of shillings (the large test plan's 16,745,290,845). Printed by LibreOffice,
 * no figure of its wards × sectors annex or any other table may break across lines.
 */
const tools = ['soffice', 'pdftotext'].map((tool) => requireTool(tool, 'print a plan with figures in the billions and read it back'));
const outDir = path.join(repoRoot, 'test-output', 'docx-large-figures');

describe.skipIf(!tools.every((tool) => tool.available))('a plan with figures in the billions, printed', () => {
  let text = '';
  let coverage = '';
  beforeAll(async () => {
    const app = testApp();
    const cycleId = loadSampleCycle(app).id;
    app.db.$client.prepare('UPDATE contributions SET amount_minor = amount_minor * 500').run();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    const docx = path.join(outDir, 'plan.docx');
    fs.writeFileSync(docx, (await exportDocx(app, cycleId, { doc: 'plan' })).buffer);
    app.close();
    const [pdf] = await soffice([docx], 'pdf', outDir);
    text = execFileSync('pdftotext', ['-layout', pdf as string, '-'], { encoding: 'utf8' });
    // The annex itself, not its line on the contents page.
    const start = text.lastIndexOf('9.3 Coverage: wards × sectors');
    const end = text.indexOf('9.4 ', start);
    coverage = text.slice(start, end < 0 ? undefined : end);
  }, 300_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('prints the coverage annex with figures in the billions, each on one line', () => {
    expect(coverage).toMatch(/\b\d{1,3},\d{3},\d{3},\d{3}\b/);
    // A figure broken inside leaves a group of fewer than three digits ("16,745,290,84" / "5").
    expect(coverage.match(/\b\d{1,3}(?:,\d{3})*,\d{1,2}(?![\d,])/g) ?? []).toEqual([]);
    // Every sector is still in the annex.
    for (const sector of ['Water & WASH', 'Health & nutrition', 'Peace & security']) expect(coverage.replace(/\s+/g, ' ')).toContain(sector);
  });

  it('breaks no figure across lines anywhere in the plan', () => {
    expect(text.match(/\b\d{1,3}(?:,\d{3})*,\d{1,2}(?![\d,])/g) ?? []).toEqual([]);
    expect(text.match(/KES[ \t]*\n\s*-?\d/g) ?? []).toEqual([]);
  });
});
