import { beforeAll, describe, expect, it } from 'vitest';
import { cycleFingerprint } from '../../../main/exports/fingerprint';
import { exportDocx, type DocxDocument } from '../../../main/exports/docx/index';
import { loadSampleCycle } from '../../../main/services/sample';
import { testApp } from '../../support/test-app';
import { formatDisplayDate } from '../../../shared/dates';
import { formatProgress, periodFigures, type ProgressIndicator } from '../../../shared/analysis/indicator-progress';
import { DEFAULT_THRESHOLDS } from '../../../shared/analysis/indicator-status';
import { indicatorStatusLabels } from '../../../shared/api/schemas/analysis/indicator-status';
import { ME_REPORT_SECTIONS } from './me-report-sections';
import { docxParts, documentXml, headings, paragraphs, plainText, tableWithHeader, tables } from './docx-reader';

/** The Word deliverables re-opened and checked against the database, not against the builder. */
let app: ReturnType<typeof testApp>;
let cycleId: string;
const xml = new Map<DocxDocument, string>();
const buffers = new Map<DocxDocument, Buffer>();

interface Line {
  amount: number;
  currency: 'KES' | 'USD';
  category: string;
  shortName: string;
  activityId: string | null;
}

/** A line in whole shillings at the cycle rate (KES per USD × 10,000), half up: the test's own arithmetic. */
function toKes(line: Line, rateScaled: number): bigint {
  const minor = line.currency === 'KES' ? BigInt(line.amount) * 10_000n : BigInt(line.amount) * BigInt(rateScaled);
  return ((minor + 500_000n) / 1_000_000n) * 100n;
}

/** "415,673,800": whole shillings, as a column headed (KES) prints them. */
function shillings(minor: bigint): string {
  expect(minor % 100n).toBe(0n);
  return (minor / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const kes = (minor: bigint) => `KES ${shillings(minor)}`;

function sampleLines() {
  const { kes_per_usd_scaled: rate } = app.db.$client.prepare('SELECT kes_per_usd_scaled FROM cycles WHERE id = ?').get(cycleId) as {
    kes_per_usd_scaled: number;
  };
  const lines = app.db.$client
    .prepare(
      `SELECT c.amount_minor AS amount, c.currency, o.category, o.short_name AS shortName, c.activity_id AS activityId
       FROM contributions c JOIN organisations o ON o.id = c.contributor_org_id WHERE c.cycle_id = ?`,
    )
    .all(cycleId) as Line[];
  return { rate, lines };
}

beforeAll(async () => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
  for (const doc of ['plan', 'budget', 'me-report', 'approval-pack'] as const) {
    const file = await exportDocx(app, cycleId, { doc, period: doc === 'me-report' ? 'Q2' : undefined });
    buffers.set(doc, file.buffer);
    xml.set(doc, documentXml(file.buffer));
  }
}, 60_000);

const text = (doc: DocxDocument) => plainText(xml.get(doc) ?? '');
/** Whether a document's text has a phrase; failures name the phrase, not the whole document. */
const expectText = (doc: DocxDocument, phrase: string) => expect(text(doc).includes(phrase), `${doc}: "${phrase}"`).toBe(true);

describe('every Word deliverable', () => {
  it('opens with the emblem’s place, "Republic of Kenya" and the county government, as county documents do (item 9)', () => {
    for (const doc of ['plan', 'budget', 'me-report', 'approval-pack'] as const) {
      const opening = paragraphs(xml.get(doc) ?? '')
        .filter((line) => line.trim() !== '')
        .slice(0, 4);
      expect(opening, doc).toEqual(['County emblem', 'Republic of Kenya', 'County Government of Isiolo', expect.any(String)]);
    }
  });
});

describe('the Joint Work Plan', () => {
  it('lists every activity of the cycle with its lead organisation', () => {
    const activities = app.db.$client
      .prepare('SELECT a.code, a.title, o.short_name AS lead FROM activities a JOIN organisations o ON o.id = a.lead_org_id WHERE a.cycle_id = ?')
      .all(cycleId) as {
      code: string;
      title: string;
      lead: string;
    }[];
    expect(activities.length).toBeGreaterThan(20);
    const plan = xml.get('plan') ?? '';
    const rows = tables(plan).flatMap((table) => table.filter((row) => row.length === 8));
    for (const activity of activities) {
      const row = rows.find((cells) => cells[0] === activity.code);
      expect(row, activity.code).toBeDefined();
      expect(row?.[1]).toContain(activity.title);
      expect(row?.[2]).toBe(activity.lead);
    }
  });

  it('has the template sections 1 to 9 in order, with a table of contents', () => {
    expect(headings(xml.get('plan') ?? '', 1)).toEqual([
      '1 General information',
      '2 Objectives and priority areas',
      '3 Joint activities and implementation plan',
      '4 Resource allocation',
      '5 Monitoring and evaluation plan',
      '6 Risk management',
      '7 Review and reporting milestones',
      '8 Approvals',
      '9 Annexes',
    ]);
    // The contents page: a PAGEREF field per heading, to a bookmark on it, with its page number
    // written in (Word shows it without updating fields; LibreOffice computes its own at layout).
    const plan = xml.get('plan') ?? '';
    const refs = [...plan.matchAll(/PAGEREF (_Pamoja\d+)<\/w:instrText>/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(9 + 9);
    for (const ref of refs) expect(plan, ref).toContain(`<w:bookmarkStart w:name="${ref}"`);
    const numbers = [...plan.matchAll(/PAGEREF _Pamoja\d+<\/w:instrText>(?:(?!<\/w:r>)[\s\S])*?w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) =>
      Number(m[1]),
    );
    expect(numbers).toHaveLength(refs.length);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
    expect(plan).not.toContain('w:dirty="true"');
  });

  it('prints cost-share totals equal to the contributions summed independently, USD converted at the cycle rate', () => {
    const { rate, lines } = sampleLines();
    let county = 0n;
    let partners = 0n;
    for (const line of lines) {
      if (line.category === 'government') county += toKes(line, rate);
      else partners += toKes(line, rate);
    }
    const totalRow = tableWithHeader(xml.get('plan') ?? '', 'Code', 'Activity / component').at(-1);
    expect(totalRow?.slice(1)).toEqual(['Total', '', shillings(county), shillings(partners), shillings(county + partners)]);

    const byContributor = tableWithHeader(xml.get('plan') ?? '', 'Contributor', 'Category', 'Lines');
    const perOrg = new Map<string, bigint>();
    for (const line of lines) perOrg.set(line.shortName, (perOrg.get(line.shortName) ?? 0n) + toKes(line, rate));
    for (const [shortName, sum] of perOrg) expect(byContributor.find((row) => row[0] === shortName)?.[5], shortName).toBe(shillings(sum));
    expect(byContributor.at(-1)?.[5]).toBe(shillings(county + partners));
  });

  it('puts the JWP milestones beside the county budget calendar in the joint calendar', () => {
    const calendar = tableWithHeader(xml.get('plan') ?? '', 'Date', 'Event', 'Calendar');
    const milestones = app.db.$client.prepare('SELECT title FROM milestones WHERE cycle_id = ?').all(cycleId) as { title: string }[];
    for (const { title } of milestones)
      expect(
        calendar.some((row) => row[1] === title),
        title,
      ).toBe(true);
    const fiscalStrategy = calendar.find((row) => row[1]?.startsWith('County Fiscal Strategy Paper'));
    expect(fiscalStrategy?.[0]).toBe('28 Feb 2027');
    const dates = calendar.slice(1).map((row) => Date.parse(row[0] ?? ''));
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
  });

  it('shows USD lines in USD with their KES equivalent', () => {
    const { rate, lines } = sampleLines();
    const usd = lines.find((line) => line.currency === 'USD');
    expect(usd).toBeDefined();
    if (!usd) return;
    const dollars = `USD ${(usd.amount / 100).toLocaleString('en-US')}`;
    expectText('plan', `${usd.shortName} · ${dollars} = ${kes(toKes(usd, rate))}`);
  });

  it('right-aligns money and repeats table header rows; wide sections are landscape A4', () => {
    const plan = xml.get('plan') ?? '';
    const totalCell = /<w:tc>(?:(?!<\/w:tc>)[\s\S])*>415,673,800<(?:(?!<\/w:tc>)[\s\S])*<\/w:tc>/.exec(plan)?.[0] ?? '';
    expect(totalCell).toContain('<w:jc w:val="right"/>');
    expect(plan.includes('<w:tblHeader/>')).toBe(true);
    const pageSizes = [...plan.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1] ?? '');
    expect(pageSizes.some((attrs) => attrs.includes('w:orient="landscape"') && attrs.includes('w:w="16838"') && attrs.includes('w:h="11906"'))).toBe(true);
    expect(pageSizes.some((attrs) => attrs.includes('w:w="11906"') && attrs.includes('w:h="16838"'))).toBe(true);
  });

  it('puts the county, cycle, version, fingerprint and page numbers in every footer', () => {
    const fingerprint = cycleFingerprint(app, cycleId);
    const footers = [...docxParts(buffers.get('plan') ?? Buffer.alloc(0))].filter(([name]) => /word\/footer\d+\.xml/.test(name)).map(([, part]) => part);
    const filled = footers.filter((part) => part.includes('PAGE'));
    expect(filled.length).toBeGreaterThan(0);
    for (const footer of filled) {
      const words = plainText(footer);
      expect(words).toContain('Isiolo County Joint Work Plan FY 2026/27');
      // The sample is version 1, approved by the CEC: never "working draft".
      expect(words).toContain('Version 1 (approved 27 Aug 2026)');
      expect(words).not.toMatch(/working draft/i);
      expect(words).toContain(fingerprint);
      expect(footer.includes('NUMPAGES')).toBe(true);
    }
  });
});

describe('the budget', () => {
  it('has the template header fields and a total budget equal to the independent sum', () => {
    const budget = xml.get('budget') ?? '';
    for (const label of ['Project title', 'County name', 'Implementing partner(s)', 'Budget year', 'Date of submission']) expectText('budget', label);
    const { rate, lines } = sampleLines();
    const total = lines.reduce((sum, line) => sum + toKes(line, rate), 0n);
    const rows = tableWithHeader(budget, 'Activity / project component', 'Description');
    expect(rows.at(-1)?.[0]).toBe('TOTAL BUDGET');
    expect(rows.at(-1)?.[4]).toBe(shillings(total));
    expectText('budget', `Total estimated cost: ${kes(total)}`);
  });

  it('has a signature line for the county and for each contributing partner', () => {
    const partners = app.db.$client
      .prepare(
        "SELECT DISTINCT o.name FROM contributions c JOIN organisations o ON o.id = c.contributor_org_id WHERE c.cycle_id = ? AND o.category <> 'government'",
      )
      .all(cycleId) as { name: string }[];
    const headings = paragraphs(xml.get('budget') ?? '').filter((p) => p.startsWith('Partner representative: '));
    expect(headings).toHaveLength(partners.length);
    for (const { name } of partners)
      expect(
        headings.some((h) => h.includes(name)),
        name,
      ).toBe(true);
    expectText('budget', 'County representative');
  });
});

describe('the M&E progress report', () => {
  it('reports indicator actuals against the period targets with the shared progress rule and the cycle thresholds', () => {
    const periods = app.db.$client
      .prepare(
        `SELECT i.code, i.unit, i.baseline_value AS baselineValue, i.target_value AS targetValue, i.direction, i.range_min AS rangeMin, i.range_max AS rangeMax, p.target, p.actual
         FROM indicator_periods p JOIN indicators i ON i.id = p.indicator_id WHERE p.cycle_id = ? AND p.period_key = 'Q2' AND p.actual IS NOT NULL`,
      )
      .all(cycleId) as ({ code: string; unit: string; target: number; actual: number } & ProgressIndicator)[];
    expect(periods.length).toBeGreaterThan(0);
    const rows = tableWithHeader(xml.get('me-report') ?? '', 'Code', 'Indicator (unit · direction)');
    for (const p of periods) {
      const row = rows.find((cells) => cells[0] === p.code);
      const figures = periodFigures(p, p.target, p.actual, DEFAULT_THRESHOLDS);
      expect(row?.slice(5, 8), p.code).toEqual([figures.varianceText, formatProgress(figures.pct), indicatorStatusLabels[figures.status]]);
    }
    for (const title of ME_REPORT_SECTIONS) {
      expectText('me-report', title);
    }
  });

  it('reports GAM (I2.1) in Q1 off track: it rose from its baseline while its target was to bring it down', async () => {
    const q1 = documentXml((await exportDocx(app, cycleId, { doc: 'me-report', period: 'Q1' })).buffer);
    const gam = tableWithHeader(q1, 'Code', 'Indicator (unit · direction)').find((cells) => cells[0] === 'I2.1');
    expect(gam?.slice(2, 8)).toEqual(['15.1', '15', '15.6', '0.6 points worse than target', '-500%', 'Off track']);
    expect(plainText(q1)).toMatch(/I2\.1 [^\n]*: 0\.6 points worse than target \(progress -500%\)/);
  });

  it('compares planned with disbursed money to the end of the period', () => {
    const { rate } = sampleLines();
    const disbursed = app.db.$client
      .prepare(
        "SELECT d.amount_minor AS amount, c.currency, d.period_key AS periodKey FROM disbursements d JOIN contributions c ON c.id = d.contribution_id WHERE d.cycle_id = ? AND d.period_key IN ('Q1', 'Q2')",
      )
      .all(cycleId) as { amount: number; currency: 'KES' | 'USD'; periodKey: string }[];
    const sum = (rows: typeof disbursed) =>
      rows.reduce((total, d) => total + toKes({ amount: d.amount, currency: d.currency, category: '', shortName: '', activityId: null }, rate), 0n);
    const total = tableWithHeader(xml.get('me-report') ?? '', 'Contributor', 'Planned (KES)').at(-1);
    expect(total?.[2]).toBe(shillings(sum(disbursed.filter((d) => d.periodKey === 'Q2'))));
    expect(total?.[3]).toBe(shillings(sum(disbursed)));
  });
});

describe('the CEC approval pack', () => {
  it('states the version and fingerprint approved, and every signatory with the date they signed', () => {
    const fingerprint = cycleFingerprint(app, cycleId);
    const pack = paragraphs(xml.get('approval-pack') ?? '');
    const signaturePage = pack.slice(pack.indexOf('Signatures'));
    const version = app.db.$client.prepare('SELECT approved_by AS approvedBy, fingerprint FROM plan_versions WHERE cycle_id = ?').get(cycleId) as {
      approvedBy: string;
      fingerprint: string;
    };
    expect(version.fingerprint).toBe(fingerprint);
    expect(signaturePage.join('\n')).toContain(
      `Approved on 27 Aug 2026 (approval recorded by ${version.approvedBy}): version 1 of the Isiolo County Joint Work Plan FY 2026/27, content fingerprint ${fingerprint}, as set out in full in the Joint Work Plan document bearing that fingerprint.`,
    );
    const signatories = app.db.$client
      .prepare(
        'SELECT s.name, s.title, o.name AS organisation, s.signed_on AS signedOn FROM signatories s JOIN organisations o ON o.id = s.organisation_id WHERE s.cycle_id = ? ORDER BY s.sort_order',
      )
      .all(cycleId) as { name: string; title: string; organisation: string; signedOn: string | null }[];
    expect(signatories.map((s) => s.title).join(' ')).toMatch(/County Secretary[\s\S]*CEC Member/);
    const rows = tableWithHeader(xml.get('approval-pack') ?? '', 'Name', 'Title', 'Organisation', 'Signature', 'Date');
    expect(rows.slice(1)).toEqual(signatories.map((s) => [s.name, s.title, s.organisation, '', s.signedOn ? formatDisplayDate(s.signedOn) : '']));
  });

  it('summarises the budget in the memo with the same total', () => {
    const { rate, lines } = sampleLines();
    const total = lines.reduce((sum, line) => sum + toKes(line, rate), 0n);
    expectText('approval-pack', `The plan is costed at ${kes(total)}`);
    const activities = (app.db.$client.prepare('SELECT count(*) AS n FROM activities WHERE cycle_id = ?').get(cycleId) as { n: number }).n;
    expectText('approval-pack', `${activities} joint activities`);
  });
});
