import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { closeOutReport } from '../../../main/lifecycle/close-out';
import { coverageReport } from '../../../main/services/analysis/reports';
import { updateCycle } from '../../../main/services/cycles';
import { registerServices as s } from '../../../main/services/index';
import { loadSampleCycle } from '../../../main/services/sample';
import { formatDisplayDate } from '../../../shared/dates';
import { testApp } from '../../support/test-app';
import { documentXml, headings, plainText, tableWithHeader } from './docx-reader';

/** Issue 5's coverage annex and issue 6's changes annex and end-of-cycle report, checked against the database. */
let app: ReturnType<typeof testApp>;
let cycleId: string;

beforeEach(() => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
});
afterEach(() => app.close());

const exportXml = async (doc: 'plan' | 'me-report') =>
  documentXml((await exportDocx(app, cycleId, { doc, period: doc === 'me-report' ? 'Q2' : undefined })).buffer);

describe('the Joint Work Plan annexes', () => {
  it('has the coverage matrix, wards × sectors, naming every ward of the sample and "—" for gaps', async () => {
    const xml = await exportXml('plan');
    const coverage = coverageReport(app, { cycleId, organisationId: null });
    expect(headings(xml, 2)).toContain('9.3 Coverage: wards × sectors');
    expect(coverage.rows.length).toBeGreaterThan(1);
    for (const row of coverage.rows) expect(xml, row.wardName).toContain(row.wardName);
    const table = tableWithHeader(xml, 'Ward', ...coverage.sectors.map((sector) => sector.label), 'Total');
    expect(table.length).toBe(coverage.rows.length + 2);
    coverage.rows.forEach((row, index) =>
      row.cells.forEach((cell, column) => {
        const text = table[index + 1]?.[column + 1];
        if (cell.activityCount === 0) expect(text).toBe('—');
        else expect(text).toMatch(new RegExp(`^${cell.activityCount} activit`));
      }),
    );
    // The ward total is reconciled with the plan total in words, and the figures add up (in shillings).
    const sentence = /The total here, KES ([\d,]+), is the plan's KES ([\d,]+) less (.*?), which belong to no ward\./.exec(plainText(xml));
    expect(sentence).not.toBeNull();
    const number = (text: string) => Number(text.replace(/,/g, ''));
    const parts = [...(sentence?.[3] ?? '').matchAll(/KES ([\d,]+)/g)].map((m) => number(m[1] ?? '0'));
    expect(number(sentence?.[1] ?? '') + parts.reduce((a, b) => a + b, 0)).toBe(number(sentence?.[2] ?? ''));
    expect(number(sentence?.[1] ?? '') * 100).toBe(coverage.plannedKesMinor);
  });

  it('has no "Changes since" annex while the plan is the approved version 1 (the sample)', async () => {
    const xml = await exportXml('plan');
    expect(plainText(xml)).not.toContain('Changes since');
  });

  it('has "Changes since version 1" once the approved plan is changed', async () => {
    // Reporting progress does not change the approved plan; moving an activity's end date does.
    const activity = s.activity.list(app, { cycleId }).find((a) => a.status === 'planned');
    if (!activity) throw new Error('The sample has no planned activity');
    s.activity.update(app, { id: activity.id, changes: { status: 'ongoing', completionPct: 5 } });
    expect(plainText(await exportXml('plan'))).not.toContain('Changes since');
    s.activity.update(app, { id: activity.id, changes: { endDate: '2027-06-30' } });
    const xml = await exportXml('plan');
    const text = plainText(xml);
    expect(headings(xml, 2)).toContain('9.4 Changes since version 1');
    expect(text).toContain(`${formatDisplayDate(activity.endDate)} → ${formatDisplayDate('2027-06-30')}`);
    const changes = tableWithHeader(xml, 'Change', 'Item', 'Details');
    expect(changes.some((row) => row[0] === 'Changed' && (row[1] ?? '').includes(activity.title))).toBe(true);
  });
});

describe('the M&E report in the close-out phase', () => {
  it('is the end-of-cycle report, with final indicator values and the lessons', async () => {
    expect(await exportXml('me-report')).not.toContain('End-of-cycle report');
    updateCycle(app, { id: cycleId, changes: { phase: 'close_out' } });
    const xml = await exportXml('me-report');
    const text = plainText(xml);
    expect(text).toContain('End-of-cycle report');
    expect(headings(xml, 1)).toContain('13 End of cycle');

    const report = closeOutReport(app, cycleId);
    const indicator = report.indicators.find((i) => i.finalValue !== null);
    if (!indicator) throw new Error('The sample reports no indicator actual');
    const finals = tableWithHeader(xml, 'Code', 'Indicator', 'Unit', 'Baseline', 'Target', 'Final value');
    const row = finals.find((cells) => cells[0] === indicator.code);
    expect(row?.[5]).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(indicator.finalValue ?? 0));
    expect(row?.[4]).toBe(new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(indicator.targetValue));

    expect(headings(xml, 2)).toContain('13.4 Lessons learned');
    expect(report.lessons.length).toBeGreaterThan(0);
    // The whole cycle's lessons (section 6 lists only the period's, with "Follow-up (responsible, due)").
    const lessons = tableWithHeader(xml, 'Date · session', 'What worked', 'What did not', 'What can be improved', 'Follow-up');
    const worked = lessons.slice(1).map((cells) => cells[1]);
    expect(worked).toEqual(report.lessons.map((lesson) => lesson.whatWorked || '—'));
  });
});
