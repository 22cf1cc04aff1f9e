import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { loadSampleCycle } from '../../../main/services/sample';
import { testApp } from '../../support/test-app';
import { paragraphs } from './docx-reader';

/**
 * The charts of the Word plan and the M&E report, re-opened from the .docx and checked against the
 * database with the test's own SQL: each SVG picture is there with its PNG fallback, and the numbers
 * its labels print are the register's.
 */
let app: ReturnType<typeof testApp>;
let cycleId: string;
const files = new Map<string, Record<string, Uint8Array>>();

/** Every SVG of the document, as the label texts it prints, keyed by the picture's alternative text. */
function charts(doc: string): Map<string, string[]> {
  const parts = files.get(doc) ?? {};
  const xml = strFromU8(parts['word/document.xml'] as Uint8Array);
  const rels = strFromU8(parts['word/_rels/document.xml.rels'] as Uint8Array);
  const targets = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const result = new Map<string, string[]>();
  for (const drawing of xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)) {
    const title = /<wp:docPr [^>]*name="([^"]+)"/.exec(drawing[0])?.[1] ?? '';
    const svgId = /<asvg:svgBlip [^>]*r:embed="([^"]+)"/.exec(drawing[0])?.[1] ?? '';
    const pngId = /<a:blip [^>]*r:embed="([^"]+)"/.exec(drawing[0])?.[1] ?? '';
    const svg = strFromU8(parts[`word/${targets.get(svgId)}`] as Uint8Array);
    const png = parts[`word/${targets.get(pngId)}`] as Uint8Array;
    expect(strFromU8(png.subarray(1, 4))).toBe('PNG');
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    result.set(title, labels);
  }
  return result;
}

const sql = <T>(query: string, ...params: unknown[]) => app.db.$client.prepare(query).all(...params) as T[];
const thousands = (n: number | bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

beforeAll(async () => {
  app = testApp({ now: '2026-12-06T09:00:00Z' });
  cycleId = loadSampleCycle(app).id;
  for (const doc of ['plan', 'me-report'] as const) {
    const file = await exportDocx(app, cycleId, { doc, period: doc === 'me-report' ? 'Q1' : undefined });
    files.set(doc, unzipSync(file.buffer));
  }
}, 90_000);

describe('charts in the Word plan', () => {
  it('holds the four charts, each with a numbered caption under it', () => {
    const found = charts('plan');
    expect([...found.keys()]).toEqual(['Cost-share by contributor', 'Indicator status', 'Risk heat map', 'Stakeholders by influence and interest']);
    const text = paragraphs(strFromU8(files.get('plan')?.['word/document.xml'] as Uint8Array));
    const captions = text.filter((p) => /^Figure \d+: /.test(p));
    expect(captions.map((c) => c.slice(0, 9))).toEqual(['Figure 1:', 'Figure 2:', 'Figure 3:', 'Figure 4:']);
  });

  it('counts each heat-map cell as the risk register does (closed risks left out)', () => {
    const labels = charts('plan').get('Risk heat map') ?? [];
    const rows = sql<{ impact: string; likelihood: string; n: number }>(
      `SELECT impact, likelihood, COUNT(*) AS n FROM risks WHERE cycle_id = ? AND status <> 'closed' GROUP BY impact, likelihood`,
      cycleId,
    );
    const n = (impact: string, likelihood: string) => rows.find((r) => r.impact === impact && r.likelihood === likelihood)?.n ?? 0;
    // Rows from high impact down, each "<Impact>", then the three cells from low likelihood across.
    const expected = ['high', 'medium', 'low'].flatMap((impact) => [
      impact[0]?.toUpperCase() + impact.slice(1),
      ...['low', 'medium', 'high'].map((l) => String(n(impact, l))),
    ]);
    expect(labels.slice(0, 12)).toEqual(expected);
    expect(labels).toContain(`Risks not closed: ${rows.reduce((sum, r) => sum + r.n, 0)}`);
  });

  it("prints each contributor's KES total and share as the totals table does", () => {
    const labels = charts('plan').get('Cost-share by contributor') ?? [];
    const { rate } = sql<{ rate: number }>('SELECT kes_per_usd_scaled AS rate FROM cycles WHERE id = ?', cycleId)[0] ?? { rate: 0 };
    const lines = sql<{ amount: number; currency: string; org: string }>(
      `SELECT c.amount_minor AS amount, c.currency, COALESCE(NULLIF(o.short_name, ''), o.name) AS org
       FROM contributions c JOIN organisations o ON o.id = c.contributor_org_id WHERE c.cycle_id = ?`,
      cycleId,
    );
    const byOrg = new Map<string, bigint>();
    for (const line of lines) {
      const minor = line.currency === 'KES' ? BigInt(line.amount) * 10_000n : BigInt(line.amount) * BigInt(rate);
      byOrg.set(line.org, (byOrg.get(line.org) ?? 0n) + (minor + 500_000n) / 1_000_000n);
    }
    const total = [...byOrg.values()].reduce((a, b) => a + b, 0n);
    expect(labels).toContain(`Total KES ${thousands(total)}`);
    for (const [org, shillings] of byOrg) {
      const index = labels.indexOf(org);
      expect(index, org).toBeGreaterThanOrEqual(0);
      expect(labels[index + 1]).toBe(`KES ${thousands(shillings)} (${Math.round((Number(shillings) / Number(total)) * 100)}%)`);
    }
  });

  it('places every organisation of the matrix in its quadrant, counted in the legend', () => {
    const labels = charts('plan').get('Stakeholders by influence and interest') ?? [];
    const orgs = sql<{ label: string; influence: string; interest: string }>(
      `SELECT COALESCE(NULLIF(short_name, ''), name) AS label, influence, interest FROM organisations WHERE cycle_id = ?`,
      cycleId,
    );
    const count = (influenceHigh: boolean, interestHigh: boolean) =>
      orgs.filter((o) => (o.influence === 'high') === influenceHigh && (o.interest === 'high') === interestHigh).length;
    expect(labels).toContain(`Manage closely: ${count(true, true)}`);
    expect(labels).toContain(`Keep satisfied: ${count(true, false)}`);
    expect(labels).toContain(`Keep informed: ${count(false, true)}`);
    expect(labels).toContain(`Monitor: ${count(false, false)}`);
    for (const org of orgs) expect(labels).toContain(org.label);
  });

  it('shows the GAM indicator (I2.1, rising malnutrition) off track, as the screens do', () => {
    const labels = charts('plan').get('Indicator status') ?? [];
    const offTrack = labels[labels.indexOf('Off track') + 2] ?? '';
    expect(labels, labels.join(' | ')).toContain('Off track');
    expect(offTrack.split(', ')).toContain('I2.1');
    const total = ['On track', 'At risk', 'Off track', 'No data (due)', 'Not yet due'].reduce((sum, l) => sum + Number(labels[labels.indexOf(l) + 1]), 0);
    expect(total).toBe(sql<{ n: number }>('SELECT COUNT(*) AS n FROM indicators WHERE cycle_id = ?', cycleId)[0]?.n);
  });
});

describe('charts in the M&E report', () => {
  it("pictures the period's indicators, the cost-share and the risks", () => {
    const found = charts('me-report');
    expect([...found.keys()]).toEqual(['Indicator status, Q1 (Jul–Sep)', 'Cost-share by contributor', 'Risk heat map']);
    const labels = found.get('Indicator status, Q1 (Jul–Sep)') ?? [];
    const withTarget = sql<{ code: string; actual: number | null }>(
      `SELECT i.code, p.actual FROM indicator_periods p JOIN indicators i ON i.id = p.indicator_id
       WHERE p.cycle_id = ? AND p.period_key = 'Q1'`,
      cycleId,
    );
    const notReported = withTarget.filter((r) => r.actual === null).length;
    expect(labels[labels.indexOf('Not reported') + 1]).toBe(String(notReported));
    const shown = ['On track', 'At risk', 'Off track', 'Not reported'].reduce((sum, l) => sum + Number(labels[labels.indexOf(l) + 1]), 0);
    expect(shown).toBe(withTarget.length);
    expect((labels[labels.indexOf('Off track') + 2] ?? '').split(', ')).toContain('I2.1');
  });
});
