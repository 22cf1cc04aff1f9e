import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../main/bundles/read';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { applyReturn, openRound, prepareRound, roundStatus, type PreparedFolder } from '../../main/rounds/index';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import { roundStatusDto } from '../../shared/api/schemas/rounds';
import { exportFull, importInto, peer, trust, type Peer } from '../bundles/support';
import { columnOf, openXlsx, sheet, toBuffer } from '../exports/xlsx/support';
import { pamoja } from '../support/pamoja-cli';
import { parseWithMailparser } from './support';

/**
 * A round that also asks for learning entries and risk updates (issue 19 item 1, "if the cycle asks
 * for them"): chosen when the round opens, the templates carry a Learning and a Risks sheet, the
 * status counts them, a return answers them, and the round's choice travels in the full bundle.
 */
const HEADER_ROW = 3;
let sec: Peer;
let cycleId: string;
let wecId: string;
let requests: PreparedFolder[];
const others: Peer[] = [];

const wec = () => {
  const found = roundStatus(sec, cycleId).members.find((m) => m.organisationId === wecId);
  if (!found) throw new Error('CGI-WEC is not in the round');
  return found;
};
const openRisksOf = (orgId: string) => s.risk.list(sec, { cycleId }).filter((r) => r.responsibleOrgId === orgId && r.status !== 'closed');

function lastRow(worksheet: ExcelJS.Worksheet): number {
  let last = HEADER_ROW;
  worksheet.eachRow((row, number) => {
    if (row.hasValues) last = number;
  });
  return last;
}

beforeAll(async () => {
  sec = peer('county', 'abababab', { start: '2026-11-30T08:00:00.000Z' });
  cycleId = loadSampleCycle(sec).id;
  const org = s.organisation.list(sec, { cycleId }).find((o) => o.shortName === 'CGI-WEC');
  if (!org) throw new Error('no CGI-WEC');
  wecId = org.id;
}, 180_000);
afterAll(() => {
  sec.close();
  for (const p of others) p.close();
});

describe('a round that asks for learning entries and risk updates', { timeout: 180_000 }, () => {
  it('counts, per organisation, its open risks to update and its learning entries, and says so in the request', async () => {
    openRound(sec, { cycleId, periodKey: 'Q2', dueDate: '2027-01-15', message: '', asksLearningAndRisks: true });
    expect(roundStatus(sec, cycleId).round?.asksLearningAndRisks).toBe(true);
    const risks = openRisksOf(wecId);
    expect(risks.length).toBeGreaterThan(0);
    expect(wec().asked).toMatchObject({ risks: risks.length, learningEntries: 1 });
    expect(wec().missing).toMatchObject({ risks: risks.length, learningEntries: 1 });
    expect(wec().missingText).toContain(`${risks.length} risk update${risks.length === 1 ? '' : 's'}, 1 learning entry`);

    requests = await prepareRound(sec, cycleId, 'request', wecId);
    const eml = requests[0]?.files.find((f) => f.name === 'request.eml');
    if (!eml) throw new Error('no request');
    const mail = await parseWithMailparser(eml.content);
    expect(mail.text).toContain(`the status and mitigation of ${risks.length} risk`);
    expect(mail.text).toContain('your learning entries for the period');
  });

  it('sends a template with a Learning sheet of the partner’s entries and a Risks sheet of its risks; a template outside such a round has neither', async () => {
    const template = requests[0]?.files.find((f) => f.name.endsWith('.xlsx'));
    if (!template) throw new Error('no template');
    const workbook = await openXlsx(template.content);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Learning', 'Risks']));
    const risks = sheet(workbook, 'Risks');
    expect(lastRow(risks) - HEADER_ROW).toBe(s.risk.list(sec, { cycleId }).filter((r) => r.responsibleOrgId === wecId).length);
    expect(risks.getCell(HEADER_ROW + 1, columnOf(risks, HEADER_ROW, 'Status')).dataValidation).toMatchObject({ formulae: ['List_RiskStatuses'] });
    const learning = sheet(workbook, 'Learning');
    expect(lastRow(learning) - HEADER_ROW).toBe(s.learningEntry.list(sec, { cycleId }).filter((l) => l.responsibleOrgId === wecId).length);

    const plain = await openXlsx((await exportXlsx(sec, { cycleId, doc: 'partner-template', partnerOrgId: wecId })).buffer);
    expect(plain.worksheets.map((w) => w.name)).not.toContain('Learning');
    expect(plain.worksheets.map((w) => w.name)).not.toContain('Risks');
  });

  it('takes in a return that adds a learning entry and updates a risk, and then nothing of them is missing', async () => {
    const template = requests[0]?.files.find((f) => f.name.endsWith('.xlsx'));
    if (!template) throw new Error('no template');
    const workbook = await openXlsx(template.content);
    const learning = sheet(workbook, 'Learning');
    const added = lastRow(learning) + 1;
    const col = (header: string) => columnOf(learning, HEADER_ROW, header);
    learning.getCell(added, col('Date')).value = '12/12/2026';
    learning.getCell(added, col('Session')).value = 'Review meeting';
    learning.getCell(added, col('What worked')).value = 'Solar pumps cut running costs by half';
    const risks = sheet(workbook, 'Risks');
    const risk = openRisksOf(wecId)[0];
    if (!risk) throw new Error('no open risk');
    let riskRow = 0;
    for (let row = HEADER_ROW + 1; row <= lastRow(risks); row++) if (risks.getCell(row, 1).value === risk.id) riskRow = row;
    risks.getCell(riskRow, columnOf(risks, HEADER_ROW, 'Status')).value = 'Mitigated';
    risks.getCell(riskRow, columnOf(risks, HEADER_ROW, 'Mitigation')).value = 'Spare pumps stocked in Isiolo town';

    const result = await applyReturn(sec, cycleId, { fileName: 'wec.xlsx', buffer: await toBuffer(workbook) });
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ applied: true, added: 1 });
    expect(s.risk.get(sec, { id: risk.id })).toMatchObject({ status: 'mitigated', mitigation: 'Spare pumps stocked in Isiolo town' });
    const entry = s.learningEntry.list(sec, { cycleId }).find((l) => l.whatWorked === 'Solar pumps cut running costs by half');
    expect(entry).toMatchObject({ responsibleOrgId: wecId, ownerOrgId: wecId, entryDate: '2026-12-12', session: 'review_meeting' });
    expect(wec().missing).toMatchObject({ risks: 0, learningEntries: 0 });
  });

  it('carries the round’s choice in the full bundle (format 7, 8 with the budget lines)', () => {
    const bundle = exportFull(sec, cycleId);
    expect(readBundle(bundle).manifest.formatVersion).toBe(8);
    const receiver = peer('copy', 'cdcdcdcd', { start: sec.now().toISOString() });
    others.push(receiver);
    trust(receiver, bundle);
    expect(importInto(receiver, bundle).applied).toBe(true);
    expect(roundStatus(receiver, cycleId).round?.asksLearningAndRisks).toBe(true);
  });

  it('is chosen on the command line with pamoja round open --learning-and-risks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-round-lr-'));
    try {
      const db = path.join(dir, 'plan.db');
      expect((await pamoja('demo', '--db', db)).status).toBe(0);
      const opened = await pamoja('round', 'open', '--db', db, '--period', 'Q2', '--learning-and-risks');
      expect(opened.stderr).toBe('');
      const status = roundStatusDto.parse(JSON.parse((await pamoja('round', 'status', '--db', db, '--json')).stdout));
      expect(status.round?.asksLearningAndRisks).toBe(true);
      expect(status.members.some((m) => m.asked.risks > 0 && m.missingText.includes('risk update'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
