import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, type DocxDocument } from '../../../main/exports/docx/index';
import { cycleFingerprint } from '../../../main/exports/fingerprint';
import { repoRoot } from '../../../main/resource-paths';
import { loadSampleCycle } from '../../../main/services/sample';
import { requireTool, runTool } from '../../support/external-tools';
import { testApp } from '../../support/test-app';
import { ME_REPORT_SECTIONS } from './me-report-sections';

/**
 * The documents as a printed copy shows them: converted by Debian's LibreOffice to PDF, read back
 * with poppler, and rendered to PNGs in test-output/docx/ for a person to look at.
 */
const tools = ['soffice', 'pdftotext', 'pdfinfo', 'pdftoppm'].map((tool) => requireTool(tool, 'convert the Word deliverables to PDF and read them back'));
const available = tools.every((tool) => tool.available);

const outDir = path.join(repoRoot, 'test-output', 'docx');
const docs = ['plan', 'budget', 'me-report', 'approval-pack'] as const;

const EXPECTED: Record<DocxDocument, { pages: [number, number]; titles: string[] }> = {
  plan: {
    pages: [15, 30],
    titles: [
      'Contents',
      '1 General information',
      '2 Objectives and priority areas',
      '3 Joint activities and implementation plan',
      '4 Resource allocation',
      '5 Monitoring and evaluation plan',
      '6 Risk management',
      '7 Review and reporting milestones',
      '8 Approvals',
      '9 Annexes',
      '9.1 Stakeholder mapping matrix',
      '9.2 Joint calendar',
    ],
  },
  budget: {
    pages: [8, 18],
    titles: ['Contents', 'Project title', '2 Budget by activity and component', 'TOTAL BUDGET', '3 Total budget', '4 Approvals and signatures'],
  },
  'me-report': {
    pages: [12, 30],
    titles: ['Contents', ...ME_REPORT_SECTIONS],
  },
  // The sample's version 1 is approved: the pack is its record of approval.
  'approval-pack': { pages: [3, 7], titles: ['Record of approval', 'What was approved', 'Summary tables', 'Signatures'] },
};

const pdfText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]), '-layout', file, '-'], { encoding: 'utf8' });

function pageSizes(file: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

let fingerprint = '';
let profile = '';

describe.skipIf(!available)('the Word deliverables in LibreOffice', () => {
  beforeAll(async () => {
    const app = testApp();
    const cycleId = loadSampleCycle(app).id;
    fingerprint = cycleFingerprint(app, cycleId);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    for (const doc of docs)
      fs.writeFileSync(path.join(outDir, `${doc}.docx`), (await exportDocx(app, cycleId, { doc, period: doc === 'me-report' ? 'Q2' : undefined })).buffer);
    app.close();
    // Its own profile, so a LibreOffice already open (or another test) cannot block the conversion.
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-lo-'));
    await runTool(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...docs.map((doc) => path.join(outDir, `${doc}.docx`)),
      ],
      { timeoutMs: 180_000 },
    );
    fs.mkdirSync(path.join(outDir, 'png'), { recursive: true });
    await Promise.all(docs.map((doc) => runTool('pdftoppm', ['-png', '-r', '60', path.join(outDir, `${doc}.pdf`), path.join(outDir, 'png', doc)])));
  }, 240_000);
  afterAll(() => {
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  for (const doc of docs) {
    it(`${doc}: converts, has ${EXPECTED[doc].pages.join('–')} A4 pages, its section titles and a numbered footer`, () => {
      const pdf = path.join(outDir, `${doc}.pdf`);
      expect(fs.existsSync(pdf)).toBe(true);
      const sizes = pageSizes(pdf);
      const [min, max] = EXPECTED[doc].pages;
      expect(sizes.length).toBeGreaterThanOrEqual(min);
      expect(sizes.length).toBeLessThanOrEqual(max);
      // A4 is 595 × 842 points, either way round.
      for (const size of sizes) expect([Math.round(Math.min(size.width, size.height)), Math.round(Math.max(size.width, size.height))]).toEqual([595, 842]);
      const text = pdfText(pdf);
      for (const title of EXPECTED[doc].titles) expect(text.includes(title), title).toBe(true);
      expect(pdfText(pdf, 2).includes(`Page 2 of ${sizes.length}`)).toBe(true);
      expect(pdfText(pdf, sizes.length).includes(`fingerprint ${fingerprint}`)).toBe(true);
      expect(fs.readdirSync(path.join(outDir, 'png')).filter((name) => name.startsWith(`${doc}-`))).toHaveLength(sizes.length);
    });
  }

  it('prints the wide registers on landscape pages and repeats table headers on each page', () => {
    const pdf = path.join(outDir, 'plan.pdf');
    const sizes = pageSizes(pdf);
    const landscape = sizes.flatMap((size, index) => (size.width > size.height ? [index + 1] : []));
    expect(landscape.length).toBeGreaterThan(3);
    expect(sizes[0]?.width).toBeLessThan(sizes[0]?.height ?? 0);
    const withCostShareHeader = landscape.filter((page) => pdfText(pdf, page).includes('Contributions (contributor · amount as entered · type)'));
    expect(withCostShareHeader.length).toBeGreaterThan(1);
  });

  const contentsOf = (doc: 'plan' | 'budget' | 'me-report') => {
    const pdf = path.join(outDir, `${doc}.pdf`);
    const contents = pdfText(pdf, 2);
    const entries = [...contents.matchAll(/^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$/gm)].map((m) => ({ title: (m[1] ?? '').trim(), page: Number(m[2]) }));
    const pageTexts = Array.from({ length: pageSizes(pdf).length }, (_, i) =>
      execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }),
    );
    // The page whose text has the heading as a line of its own (after the contents page).
    const pageOf = (title: string) => pageTexts.findIndex((text, i) => i > 1 && text.split('\n').some((line) => line.trim() === title)) + 1;
    return { entries, pageOf };
  };

  it('numbers the contents page with the page each heading is on (issue 16, item 2)', () => {
    const { entries, pageOf } = contentsOf('plan');
    expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining(['1 General information', '8 Approvals', '9.3 Coverage: wards × sectors']));
    expect(entries.length).toBeGreaterThan(12);
    for (const entry of entries) expect(pageOf(entry.title), entry.title).toBe(entry.page);
  });

  it("gives the M&E report a contents page with right page numbers, every section of the manual's template in it (item 5)", () => {
    const { entries, pageOf } = contentsOf('me-report');
    expect(entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        '1 Overview',
        '1.3 Activities',
        '3 Key performance indicators',
        '11.2 Learning capture framework',
        '11.3 Reporting structure',
        '13 Prepared and approved by',
      ]),
    );
    expect(entries.length).toBeGreaterThan(16);
    for (const entry of entries) expect(pageOf(entry.title), entry.title).toBe(entry.page);
  });

  it('gives the budget numbered sections and a contents page with right page numbers (item 9)', () => {
    const { entries, pageOf } = contentsOf('budget');
    expect(entries.map((e) => e.title)).toEqual([
      '1 Budget',
      '2 Budget by activity and component',
      '3 Total budget',
      '3.1 Contributions by contributor',
      '4 Approvals and signatures',
    ]);
    for (const entry of entries) expect(pageOf(entry.title), entry.title).toBe(entry.page);
  });

  it('prints money in whole shillings and never breaks a figure across lines (issue 16, item 3)', () => {
    for (const doc of docs) {
      const text = pdfText(path.join(outDir, `${doc}.pdf`));
      // No cents on a shilling amount, anywhere.
      expect(text.match(/KES\s+[\d,]+\.\d{1,2}\b(?! per USD)/g) ?? [], doc).toEqual([]);
      // A figure broken inside (a "200,00" / "0" or "3,059,46" / "6" split) leaves a group of fewer than three digits.
      expect(text.match(/\b\d{1,3}(?:,\d{3})*,\d{1,2}(?![\d,])/g) ?? [], doc).toEqual([]);
      // "KES" never ends a line with its amount on the next.
      expect(text.match(/KES[ \t]*\n\s*-?\d/g) ?? [], doc).toEqual([]);
    }
    // Said once: how the figures are rounded.
    expect(pdfText(path.join(outDir, 'budget.pdf'))).toContain('rounded to the nearest shilling');
  });

  it('has the approval pack say which version and fingerprint the CEC approved, and when, never "working draft" (item 4)', () => {
    const pdf = path.join(outDir, 'approval-pack.pdf');
    const pages = pageSizes(pdf).length;
    const signaturePage = pdfText(pdf, pages).replace(/\s+/g, ' ');
    expect(signaturePage).toMatch(
      new RegExp(
        `Approved on 27 Aug 2026 \\(approval recorded by [^)]+\\): version 1 of the Isiolo County Joint Work Plan FY 2026/27, content fingerprint ${fingerprint}`,
      ),
    );
    expect(signaturePage).toContain('28 Aug 2026');
    const all = pdfText(pdf).replace(/\s+/g, ' ');
    expect(all).toContain(`The Committee approved on 27 Aug 2026`);
    expect(all).toContain(`version 1 of the Isiolo County Joint Work Plan FY 2026/27 (content fingerprint ${fingerprint})`);
    expect(all).not.toMatch(/working draft|is asked to approve|FY 2026\/27 for FY 2026\/27/i);
  });
});
