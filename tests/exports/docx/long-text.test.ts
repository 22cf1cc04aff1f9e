import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { registerServices } from '../../../main/services/index';
import { requireTool, runTool } from '../../support/external-tools';
import { seedCycle } from '../../support/factories';
import { testApp } from '../../support/test-app';
import { documentXml } from './docx-reader';

/** Users may write 4,000 characters in a field: such a row must break across pages, not be cut off. */
const soffice = requireTool('soffice', 'check that a very long row is printed whole');
const pdftotext = requireTool('pdftotext', 'check that a very long row is printed whole');

const long = (label: string) =>
  `${'Boreholes in the pastoral wards need new pumps, fencing and water troughs before the dry season. '.repeat(40)}${label}`.slice(-4000);

describe('a row too long for one page', () => {
  it('may break across pages while ordinary rows stay whole', async () => {
    const app = testApp();
    const { cycle, activity } = seedCycle(app);
    registerServices.activity.update(app, { id: activity.id, changes: { description: long('ENDOFDESCRIPTION'), challenges: long('ENDOFCHALLENGES') } });
    const plan = (await exportDocx(app, cycle.id, { doc: 'plan' })).buffer;
    const report = (await exportDocx(app, cycle.id, { doc: 'me-report' })).buffer;
    app.close();
    const rowOf = (xml: string, text: string) => [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((row) => row.includes(text)) ?? '';
    expect(rowOf(documentXml(plan), 'ENDOFDESCRIPTION').includes('<w:cantSplit/>')).toBe(false);
    expect(rowOf(documentXml(report), 'ENDOFCHALLENGES').includes('<w:cantSplit/>')).toBe(false);
    expect(rowOf(documentXml(plan), 'Boreholes rehabilitated').includes('<w:cantSplit/>')).toBe(true);

    if (!soffice.available || !pdftotext.available) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-long-'));
    try {
      fs.writeFileSync(path.join(dir, 'report.docx'), report);
      await runTool('soffice', [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        path.join(dir, 'report.docx'),
      ]);
      const text = await runTool('pdftotext', [path.join(dir, 'report.pdf'), '-']);
      expect(text.includes('ENDOFCHALLENGES')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
