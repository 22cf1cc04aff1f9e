import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../main/exports/docx/index';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { SHEETS, GENERAL } from '../../main/exports/xlsx/sheet-names';
import { registerServices as s } from '../../main/services/index';
import { activityStatuses } from '../../shared/domain/vocabulary';
import { documentXml, plainText, tableWithHeader } from './docx/docx-reader';
import { openXlsx, sampleApp } from './xlsx/support';

/**
 * Issue 16 item 7: the Word plan and the workbook count and name the same things by one rule —
 * every activity's status, the partner organisations (county departments apart) and natural order.
 */
let env: ReturnType<typeof sampleApp>;
let planXml: string;
let workbookPartners: string;
let cancelledCode: string;

beforeAll(async () => {
  env = sampleApp();
  const cycleId = env.cycle.id;
  const [first] = s.activity.list(env.app, { cycleId });
  if (!first) throw new Error('The sample has no activity.');
  cancelledCode = first.code;
  s.activity.update(env.app, { id: first.id, changes: { status: 'cancelled' } });
  // Names that sort wrongly as plain text: "Organisation 10" before "Organisation 2".
  for (const n of [10, 2, 19]) s.organisation.create(env.app, { cycleId, name: `Organisation ${n}`, shortName: `ORG${n}`, category: 'civil_society' });
  planXml = documentXml((await exportDocx(env.app, cycleId, { doc: 'plan' })).buffer);
  const workbook = await openXlsx((await exportXlsx(env.app, { cycleId, doc: 'workbook' })).buffer);
  const general = workbook.getWorksheet(SHEETS.general);
  let partners = '';
  general?.eachRow((row) => {
    if (row.getCell(1).text === GENERAL.partners) partners = row.getCell(2).text;
  });
  workbookPartners = partners;
  // Two exports of the sample: minutes on a busy machine.
}, 180_000);
afterAll(() => env.app.close());

describe('status and counts agree between the Word plan and the workbook', () => {
  it('prints every activity with its status, and counts the cancelled ones', () => {
    const activities = s.activity.list(env.app, { cycleId: env.cycle.id });
    const rows = tableWithHeader(planXml, 'Code', 'Activity and description', 'Lead', 'Supporting', 'Wards', 'Timeline', 'Expected output / outcome', 'Status');
    expect(rows.length).toBeGreaterThan(1);
    const cancelledRow = rows.find((row) => row[0] === cancelledCode);
    expect(cancelledRow?.at(-1)).toBe('Cancelled');
    const cancelled = activities.filter((a) => a.status === 'cancelled').length;
    expect(plainText(planXml)).toContain(`, of which ${cancelled} cancelled (see the Status column)`);
    for (const row of rows.slice(1)) expect(Object.values(activityStatuses.labels)).toContain(row.at(-1));
  });

  it('names the same partner organisations as the workbook, county departments apart, in natural order', () => {
    const orgs = s.organisation.list(env.app, { cycleId: env.cycle.id });
    const general = tableWithHeader(planXml, 'JWP title');
    const partnersRow = general.find((row) => row[0] === 'Partner organisations');
    const departmentsRow = general.find((row) => row[0] === 'County departments');
    const partnerNames = orgs.filter((o) => o.category !== 'government').map((o) => o.name);
    const departmentNames = orgs.filter((o) => o.category === 'government').map((o) => o.name);
    for (const name of partnerNames) {
      expect(partnersRow?.[1], name).toContain(name);
      expect(workbookPartners, name).toContain(name);
    }
    for (const name of departmentNames) {
      expect(partnersRow?.[1], name).not.toContain(name);
      expect(workbookPartners, name).not.toContain(name);
      expect(departmentsRow?.[1], name).toContain(name);
    }
    const order = (text: string) =>
      ['Organisation 2', 'Organisation 10', 'Organisation 19'].map((name) =>
        text.indexOf(`${name} `) >= 0 ? text.indexOf(`${name} `) : text.indexOf(`${name},`),
      );
    for (const text of [partnersRow?.[1] ?? '', `${workbookPartners},`]) {
      const [two, ten, nineteen] = order(text);
      expect(two, text).toBeGreaterThanOrEqual(0);
      expect(two).toBeLessThan(ten ?? -1);
      expect(ten).toBeLessThan(nineteen ?? -1);
    }
  });
});
