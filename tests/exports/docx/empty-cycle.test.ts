import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { createCycle } from '../../../main/services/cycles';
import { ISIOLO } from '../../support/factories';
import { testApp } from '../../support/test-app';
import { documentXml, plainText, tables } from './docx-reader';

/** A cycle just created, before anyone has entered anything: every document still reads properly. */
describe('documents of an empty cycle', () => {
  it('print a sentence where a register has no rows, never an empty table', async () => {
    const app = testApp();
    const cycle = createCycle(app, {
      title: 'Isiolo JWP FY 2027/28',
      countyId: ISIOLO,
      fiscalYear: '2027/28',
      startDate: '2027-07-01',
      endDate: '2028-06-30',
      kesPerUsdScaled: 1_293_500,
      exchangeRateDate: '2027-07-01',
    });
    const expected: Record<string, string[]> = {
      plan: ['No objectives or activities are recorded for this cycle yet.', 'No indicators are recorded for this cycle yet.', 'No risks are recorded'],
      budget: ['No budget lines are recorded for this cycle yet.', 'County representative'],
      'me-report': ['No indicator has a target for Q1 (Jul–Sep) yet.', 'No activities are recorded for this cycle yet.', 'No learning entries were recorded'],
      'approval-pack': ['No contributions are recorded for this cycle yet.'],
    };
    for (const doc of ['plan', 'budget', 'me-report', 'approval-pack'] as const) {
      const xml = documentXml((await exportDocx(app, cycle.id, { doc })).buffer);
      const text = plainText(xml);
      for (const sentence of expected[doc] ?? []) expect(text.includes(sentence), `${doc}: ${sentence}`).toBe(true);
      // The cover's emblem box is a one-cell table, not a register.
      const registers = tables(xml).filter((table) => table[0]?.join('') !== 'County emblem');
      for (const table of registers) expect(table.length, `${doc}: a table with only its header row: ${table[0]?.join(' | ')}`).toBeGreaterThan(1);
      // With no signatories recorded, signature lines to write in, never an instruction to the user.
      expect(text, doc).not.toMatch(/approvals register|produce this document again/);
    }
    app.close();
  });
});
