import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { registerServices as s } from '../../../main/services/index';
import { loadSampleCycle } from '../../../main/services/sample';
import { durationInWords, formatDisplayDate } from '../../../shared/dates';
import { activityTypes, evaluationCriteria, levels, organisationCategories } from '../../../shared/domain/vocabulary';
import { seedCycle } from '../../support/factories';
import { testApp } from '../../support/test-app';
import { documentXml, headings, paragraphs, tableWithHeader } from './docx-reader';

/**
 * Issue 16 item 5: the manual's M&E and learning templates, complete. The M&E report (Q1 of the
 * sample, reported and evaluated) and the plan re-opened and checked against the registers.
 */

let app: ReturnType<typeof testApp>;
let cycleId: string;
let report: string;
let plan: string;

beforeAll(async () => {
  app = testApp();
  cycleId = loadSampleCycle(app).id;
  report = documentXml((await exportDocx(app, cycleId, { doc: 'me-report', period: 'Q1' })).buffer);
  plan = documentXml((await exportDocx(app, cycleId, { doc: 'plan' })).buffer);
}, 180_000);

const list = {
  activity: () => s.activity.list(app, { cycleId }),
  organisation: () => s.organisation.list(app, { cycleId }),
  objective: () => s.objective.list(app, { cycleId }),
  indicator: () => s.indicator.list(app, { cycleId }),
  indicatorPeriod: () => s.indicatorPeriod.list(app, { cycleId }),
  milestone: () => s.milestone.list(app, { cycleId }),
  learningEntry: () => s.learningEntry.list(app, { cycleId }),
  adaptiveTrigger: () => s.adaptiveTrigger.list(app, { cycleId }),
  signatory: () => s.signatory.list(app, { cycleId }),
};
const orgName = (id: string) => {
  const org = list.organisation().find((o) => o.id === id);
  return org?.shortName || org?.name || '';
};
/** Indicator values as printed: at most two decimals, thousands grouped. */
const figure = (value: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
/** A table's data rows keyed by the start of their first cell (a title before its note). */
const rowStartingWith = (rows: string[][], text: string) => rows.find((cells) => cells[0]?.startsWith(text));

describe('the M&E report, as the manual\u2019s M&E template', () => {
  it('opens with a contents page listing every numbered section, each a bookmarked PAGEREF', () => {
    const text = paragraphs(report);
    const contents = text.indexOf('Contents');
    expect(contents).toBeGreaterThan(-1);
    const numbered = [...headings(report, 1), ...headings(report, 2)].filter((h) => /^\d/.test(h));
    expect(numbered.length).toBeGreaterThan(16);
    for (const heading of numbered)
      expect(
        text.slice(contents, contents + numbered.length + 1).some((line) => line.startsWith(heading)),
        heading,
      ).toBe(true);
    expect(report.match(/PAGEREF _Pamoja\d+/g)?.length).toBe(numbered.length);
  });

  it("gives each activity's implementing partner, county department, dates, location, duration and type", () => {
    const rows = tableWithHeader(
      report,
      'Activity (status)',
      'Implementing partner(s)',
      'County government',
      'Dates',
      'Location (wards)',
      'Duration',
      'Activity type',
    );
    const units = app.db.$client.prepare('SELECT id, name FROM admin_units').all() as { id: string; name: string }[];
    const wards = new Map(units.map((u) => [u.id, u.name]));
    for (const a of list.activity()) {
      const row = rowStartingWith(rows, `${a.code} ${a.title}`);
      expect(row, a.code).toBeDefined();
      // A cell's lines are line breaks in one paragraph: the reader joins them.
      expect(row?.[3]).toBe(`${formatDisplayDate(a.startDate)} –${formatDisplayDate(a.endDate)}`);
      expect(row?.[4]).toBe(a.wardIds.length === 0 ? 'County-wide' : a.wardIds.map((id) => wards.get(id)).join(', '));
      expect(row?.[5]).toBe(durationInWords(a.startDate, a.endDate));
      expect(row?.[6]).toBe(a.activityType ? activityTypes.label(a.activityType) : '');
      // The lead organisation is a partner or a county department, in its column.
      const lead = list.organisation().find((o) => o.id === a.leadOrgId);
      expect(row?.[lead?.category === 'government' ? 2 : 1], a.code).toContain(orgName(a.leadOrgId));
    }
  });

  it('lists the objectives with the activities that serve them, and every KPI with its baseline and data source', () => {
    const objectives = tableWithHeader(report, 'Objective', 'Description (priority area, sector, CIDP link)', 'Activities');
    for (const o of list.objective()) {
      const codes = list
        .activity()
        .filter((a) => a.objectiveId === o.id)
        .map((a) => a.code);
      expect(rowStartingWith(objectives, `${o.code} ${o.statement}`)?.[2], o.code).toBe(codes.join(', '));
    }
    const kpis = tableWithHeader(report, 'Code', 'KPI (type)', 'Target', 'Baseline');
    for (const i of list.indicator()) {
      const row = kpis.find((cells) => cells[0] === i.code);
      expect(row?.[3], i.code).toBe(i.baselineValue === null ? '' : `${figure(i.baselineValue)}${i.baselineDate ? formatDisplayDate(i.baselineDate) : ''}`);
      expect(row?.[5]?.startsWith(i.dataSource), i.code).toBe(true);
    }
  });

  it('lists the planned outputs (each activity\u2019s expected output) and the deliverables of the calendar', () => {
    const rows = tableWithHeader(report, 'Output / deliverable (activity)', 'Target completion date', 'Responsible party', 'Status', 'Remarks');
    for (const a of list.activity().filter((a) => a.expectedOutput !== '')) {
      const row = rows.find((cells) => cells[0] === `${a.expectedOutput}${a.code} ${a.title}`);
      expect(row?.slice(1, 3), a.code).toEqual([formatDisplayDate(a.endDate), orgName(a.leadOrgId)]);
    }
    for (const m of list.milestone().filter((m) => m.kind === 'milestone'))
      expect(
        rows.some((cells) => cells[0] === m.title),
        m.title,
      ).toBe(true);
  });

  it('gives each stakeholder its role, level of involvement and engagement', () => {
    const rows = tableWithHeader(report, 'Stakeholder', 'Role', 'Level of involvement', 'Engagement (how and how often)', 'Activities');
    for (const o of list.organisation()) {
      const row = rows.find((cells) => cells[0] === `${o.shortName || o.name}${organisationCategories.label(o.category)}`);
      expect(row?.slice(1, 4), o.name).toEqual([o.role, o.involvement, o.communicationStrategy]);
    }
  });

  it('evaluates each reported result by its criterion and date, and assesses results and impact of the outcome indicators', () => {
    const indicators = list.indicator();
    const evaluated = list.indicatorPeriod().filter((p) => p.periodKey === 'Q1' && p.evaluationCriterion !== null);
    expect(evaluated.length).toBeGreaterThan(10);
    const rows = tableWithHeader(report, 'Code', 'Indicator (unit · direction)');
    for (const p of evaluated) {
      const code = indicators.find((i) => i.id === p.indicatorId)?.code ?? '';
      const row = rows.find((cells) => cells[0] === code);
      expect(row?.[8], code).toBe(`${evaluationCriteria.label(p.evaluationCriterion ?? 'impact')}${formatDisplayDate(p.evaluatedOn ?? '')}`);
    }
    const results = tableWithHeader(report, 'Outcome / impact', 'Measurement method', 'Results / impact achieved', 'Sustainability', 'Next steps');
    const outcomes = indicators.filter((i) => i.type === 'outcome' || i.type === 'impact');
    expect(results.length - 1).toBe(outcomes.length);
    for (const i of outcomes) {
      const row = rowStartingWith(results, `${i.code} ${i.name}`);
      expect(row?.[3], i.code).toBe(i.sustainability);
      expect(row?.[2]?.startsWith('Q1: '), i.code).toBe(true);
    }
    // GAM: the accepted or proposed action on it is its next step.
    const gam = indicators.find((i) => i.code === 'I2.1');
    const action = list.adaptiveTrigger().find((t) => t.indicatorId === gam?.id);
    expect(rowStartingWith(results, 'I2.1')?.[4]).toContain(action?.proposedAction ?? 'missing');
  });

  it('gives the learning of the period its capture methods, timing and expected use, and the reports their format and audience', () => {
    const capture = tableWithHeader(report, 'Date · session', 'Methods to capture learning', 'Timing', 'Responsible party', 'Expected use');
    const inQ1 = list.learningEntry().filter((e) => e.entryDate >= '2026-07-01' && e.entryDate <= '2026-09-30');
    expect(inQ1.length).toBeGreaterThan(0);
    expect(capture.slice(1).map((cells) => cells.slice(1, 3).concat(cells[4] ?? ''))).toEqual(inQ1.map((e) => [e.captureMethods, e.timing, e.expectedUse]));
    const reports = tableWithHeader(report, 'Report', 'Report type', 'Due date', 'Format', 'Audience', 'Status');
    const due = list.milestone().filter((m) => m.kind !== 'milestone');
    expect(reports.slice(1).map((cells) => [cells[0], cells[3], cells[4]])).toEqual(due.map((m) => [m.title, m.format, m.audience]));
  });

  it('gives each recommendation its priority, high first, and ends with who prepared and who approves it', () => {
    const rows = tableWithHeader(report, 'Trigger', 'Recommendation (proposed action)');
    const open = list.adaptiveTrigger().filter((t) => t.status === 'proposed' || t.status === 'accepted');
    expect(
      rows
        .slice(1)
        .map((cells) => [cells[0], cells[5]])
        .sort(),
    ).toEqual(open.map((t) => [t.trigger, t.priority ? levels.label(t.priority) : '']).sort());
    const order = rows.slice(1).map((cells) => cells[5]);
    expect(order).toEqual([...order].sort((a, b) => ['High', 'Medium', 'Low', ''].indexOf(a ?? '') - ['High', 'Medium', 'Low', ''].indexOf(b ?? '')));

    const signOff = tableWithHeader(report, '', 'Name', 'Title', 'Organisation', 'Signature', 'Date');
    const approver = list.signatory().find((x) => x.role === 'cec_finance');
    const lead = app.db.$client.prepare('SELECT o.name FROM cycles c JOIN organisations o ON o.id = c.lead_org_id WHERE c.id = ?').pluck().get(cycleId);
    expect(signOff.slice(1)).toEqual([
      ['Prepared by', 'Test Officer', '', String(lead), '', ''],
      ['Approved by', approver?.name, approver?.title, list.organisation().find((o) => o.id === approver?.organisationId)?.name, '', ''],
    ]);
  });
});

describe('the plan, its stakeholder matrix, milestones and approvals', () => {
  it("prints each stakeholder's level of involvement and remarks in the matrix annex", () => {
    const rows = tableWithHeader(plan, 'Stakeholder', 'Category', 'Role / responsibility', 'Interest', 'Influence', 'Level of involvement');
    expect(rows[0]?.slice(5)).toEqual(['Level of involvement', 'Communication strategy', 'Key contact', 'Remarks']);
    for (const o of list.organisation()) {
      const row = rowStartingWith(rows, o.name);
      expect([row?.[5], row?.[8]], o.name).toEqual([o.involvement, o.remarks]);
    }
  });

  it("prints each milestone's report format and audience in section 7", () => {
    const rows = tableWithHeader(plan, 'Milestone / deliverable', 'Type', 'Review / due date', 'Responsible parties', 'Format · audience');
    for (const m of list.milestone()) expect(rows.find((cells) => cells[0] === m.title)?.[4], m.title).toBe(`${m.format}For ${m.audience}`);
  });

  it('prints empty signature lines in section 8 when no signatory is recorded, never an instruction', async () => {
    const bare = testApp();
    const { cycle } = seedCycle(bare);
    const xml = documentXml((await exportDocx(bare, cycle.id, { doc: 'plan' })).buffer);
    const text = paragraphs(xml);
    const approvals = text.slice(text.indexOf('8 Approvals'), text.indexOf('9 Annexes'));
    expect(approvals.join(' ')).not.toMatch(/\b(add|record|enter|list) (the )?signator/i);
    const rows = tableWithHeader(xml, 'Name', 'Title', 'Organisation', 'Signature', 'Date');
    expect(rows.slice(1)).toEqual([
      ['', '', '', '', ''],
      ['', '', '', '', ''],
      ['', '', '', '', ''],
    ]);
    bare.close();
  });
});
