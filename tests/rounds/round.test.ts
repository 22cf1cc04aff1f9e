import { createHash } from 'node:crypto';
import { fileNamePart } from '../../shared/export-file-name';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationKey } from '../../main/bundles/keys';
import { readBundle } from '../../main/bundles/read';
import { inWriteTransaction } from '../../main/services/context';
import { rebuild } from '../../scripts/make-bad-bundles';
import { exportDocx } from '../../main/exports/docx/index';
import { readMetaSheet } from '../../main/exports/xlsx/meta-sheet';
import {
  addMember,
  applyReturn,
  closeRound,
  openRound,
  prepareRound,
  removeMember,
  reopenRound,
  roundStatus,
  setChannel,
  type PreparedFolder,
} from '../../main/rounds/index';
import { listAudit } from '../../main/services/audit';
import { registerServices as s } from '../../main/services/index';
import { loadSampleCycle } from '../../main/services/sample';
import type { RoundMemberDto } from '../../shared/api/schemas/rounds';
import { exportFull, exportPartner, importInto, peer, trust, type Peer } from '../bundles/support';
import { plainText, documentXml } from '../exports/docx/docx-reader';
import { openXlsx } from '../exports/xlsx/support';
import { dumpDatabase } from '../support/fault-injection';
import { fillTemplate, parseWithMailparser, parseWithPython } from './support';

/**
 * A whole reporting round on the sample, as the Secretariat runs it (issue 19, "Done means"): open
 * the Q2 round, choose 8 organisations, prepare their requests, take in three templates and two
 * bundles (one late, one with an error), remind the others, close, and read the M&E report.
 */

const DAY = 24 * 3600 * 1000;
let sec: Peer;
let cycleId: string;
let orgId: (short: string) => string;
let requests: PreparedFolder[];
const partners: Peer[] = [];

const fileOf = (folders: PreparedFolder[], short: string, ending: string) => {
  const folder = folders.find((f) => f.organisationId === orgId(short));
  const file = folder?.files.find((f) => f.name.endsWith(ending));
  if (!file) throw new Error(`no ${ending} for ${short}`);
  return file;
};
const member = (short: string): RoundMemberDto => {
  const found = roundStatus(sec, cycleId).members.find((m) => m.shortName === short);
  if (!found) throw new Error(`${short} is not in the round`);
  return found;
};
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A partner that runs Pamoja JWP: receives its bundle, enters its Q2 figures, sends its bundle back. */
function partnerReturn(short: string, prefix: string): Buffer {
  // The partner's laptop shows the same time as the Secretariat's.
  const partner = peer(short, prefix, { start: sec.now().toISOString() });
  partners.push(partner);
  const request = Buffer.from(fileOf(requests, short, '.jwpb').content);
  trust(partner, request);
  importInto(partner, request);
  const own = orgId(short);
  const indicators = new Set(
    s.indicator
      .list(partner, { cycleId })
      .filter((i) => i.responsibleOrgId === own)
      .map((i) => i.id),
  );
  for (const p of s.indicatorPeriod.list(partner, { cycleId }))
    if (indicators.has(p.indicatorId) && p.periodKey === 'Q2') s.indicatorPeriod.update(partner, { id: p.id, changes: { actual: 12 } });
  for (const c of s.contribution.list(partner, { cycleId }).filter((c) => c.contributorOrgId === own))
    s.disbursement.create(partner, { cycleId, contributionId: c.id, periodKey: 'Q2', amountMinor: 100_000, date: '2026-12-10', notes: '' });
  const bytes = exportPartner(partner, cycleId, own);
  trust(sec, bytes);
  return Buffer.from(bytes);
}

/** Runs `work`, which must refuse with `message`, and checks that nothing at all was written. */
async function refusedWithoutWriting(work: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = dumpDatabase(sec);
  await expect(work()).rejects.toThrow(message);
  expect(dumpDatabase(sec) === before, 'the database changed').toBe(true);
}

beforeAll(async () => {
  sec = peer('county', 'aaaaaaaa', { start: '2026-10-01T08:00:00.000Z' });
  cycleId = loadSampleCycle(sec).id;
  const orgs = s.organisation.list(sec, { cycleId });
  orgId = (short) => {
    const found = orgs.find((o) => o.shortName === short);
    if (!found) throw new Error(`no ${short} in the sample`);
    return found.id;
  };
  // A Q1 round held and closed earlier in the year: its template must not answer Q2.
  openRound(sec, { cycleId, periodKey: 'Q1', dueDate: '2026-10-15', message: '', asksLearningAndRisks: false });
  const q1 = await prepareRound(sec, cycleId, 'request', orgId('CGI-WEC'));
  q1Template = Buffer.from(fileOf(q1, 'CGI-WEC', '.xlsx').content);
  closeRound(sec, cycleId);
  sec.shiftClock(60 * DAY); // 30 Nov 2026
  // IICD sends its part back before the Q2 round opens: that bundle answers no Q2 request.
  const old = peer('IICD', 'eeeeeeee', { start: new Date(sec.now().getTime() - 3600_000).toISOString() });
  partners.push(old);
  const request = exportPartner(sec, cycleId, orgId('IICD'));
  trust(old, request);
  importInto(old, request);
  staleIicd = Buffer.from(exportPartner(old, cycleId, orgId('IICD')));
}, 180_000);
let staleIicd: Buffer;
let q1Template: Buffer;
let wecReturned: Buffer;

afterAll(() => {
  sec.close();
  for (const p of partners) p.close();
});

describe('a quarterly reporting round, end to end', { timeout: 180_000 }, () => {
  it('opens the Q2 round with every organisation that has something to report, but the Secretariat itself', () => {
    openRound(sec, { cycleId, periodKey: 'Q2', dueDate: '2027-01-15', message: '', asksLearningAndRisks: false });
    const status = roundStatus(sec, cycleId);
    expect(status.round).toMatchObject({ periodKey: 'Q2', periodLabel: 'Q2 (Oct–Dec)', dueDate: '2027-01-15', status: 'open' });
    expect(status.members.map((m) => m.shortName)).not.toContain('CGI-FEP');
    // The sample's activity leads, supporters, contributors and indicator owners, each asked for what is theirs.
    const wec = member('CGI-WEC');
    const wecIndicators = new Set(
      s.indicator
        .list(sec, { cycleId })
        .filter((i) => i.responsibleOrgId === orgId('CGI-WEC'))
        .map((i) => i.id),
    );
    const wecQ2 = s.indicatorPeriod.list(sec, { cycleId }).filter((p) => wecIndicators.has(p.indicatorId) && p.periodKey === 'Q2');
    expect(wec.asked.indicatorActuals).toBe(wecQ2.length);
    expect(wec.missing.indicatorActuals).toBe(wecQ2.filter((p) => p.actual === null).length);
    expect(wec.missing.indicatorActuals).toBeGreaterThan(0);
    expect(wec.state).toBe('not_asked');
    expect(status.members.length).toBe(12);
  });

  it('lets the Secretariat take organisations out and add one back: 8 remain', () => {
    for (const short of ['CGI-OCS', 'ELTC', 'MSDT', 'WDC Forum', 'IICD']) removeMember(sec, { cycleId, organisationId: orgId(short) });
    addMember(sec, { cycleId, organisationId: orgId('IICD') });
    for (const short of ['UDRA', 'LBNC']) setChannel(sec, { cycleId, organisationId: orgId(short), channel: 'bundle' });
    expect(roundStatus(sec, cycleId).members.map((m) => m.shortName)).toEqual(['CGI-ALF', 'CGI-DOH', 'CGI-WEC', 'DCRF', 'IICD', 'LBNC', 'NDMA Isiolo', 'UDRA']);
    expect(member('UDRA').asked.disbursements).toBeGreaterThan(0);
    // Asked by template too (its Disbursements sheet): the sample has one of CGI-WEC's Q2 figures still to come.
    expect(member('CGI-WEC')).toMatchObject({
      channel: 'template',
      asked: { disbursements: 5 },
      missing: { disbursements: 1 },
      missingText: expect.stringContaining('1 disbursement'),
    });
  });

  it('refuses to prepare while an address is missing or malformed, naming the organisation and contact, and writes nothing', async () => {
    const contact = s.contact.list(sec, { cycleId }).find((c) => c.organisationId === orgId('DCRF'));
    if (!contact) throw new Error('DCRF has no contact in the sample');
    s.contact.update(sec, { id: contact.id, changes: { email: '' } });
    await refusedWithoutWriting(() => prepareRound(sec, cycleId, 'request'), new RegExp(`DCRF: no contact has an e-mail address \\(${contact.name}\\)`));
    // An address typed before the form checked addresses (or from an old file).
    sec.db.$client.prepare('UPDATE contacts SET email = ? WHERE id = ?').run('s.otieno at dcrf', contact.id);
    await refusedWithoutWriting(
      () => prepareRound(sec, cycleId, 'request'),
      new RegExp(`DCRF: the e-mail address of ${contact.name} \\("s.otieno at dcrf"\\) is not a valid address`),
    );
    s.contact.update(sec, { id: contact.id, changes: { email: contact.email } });
  });

  it('prepares one folder per organisation: its template or bundle, and an unsent e-mail draft that two MIME parsers read alike', async () => {
    requests = await prepareRound(sec, cycleId, 'request');
    expect(requests).toHaveLength(8);
    for (const folder of requests) {
      const m = member(roundStatus(sec, cycleId).members.find((x) => x.organisationId === folder.organisationId)?.shortName ?? '');
      expect(m.askedAt).not.toBeNull();
      const [attachment, eml] = folder.files;
      if (!attachment || !eml) throw new Error('a folder without its two files');
      expect(eml.name).toBe('request.eml');
      const document = m.channel === 'bundle' ? 'partner-bundle' : 'partner-template';
      expect(attachment.name).toBe(`isiolo-jwp-2026-27-${document}-${fileNamePart(m.shortName)}-q2.${m.channel === 'bundle' ? 'jwpb' : 'xlsx'}`);
      expect(m.askedFile).toBe(attachment.name);

      const mail = await parseWithMailparser(eml.content);
      expect(mail.headers.get('x-unsent')).toBe('1');
      expect(mail.subject).toBe('Q2 (Oct–Dec) report for the Isiolo County Joint Work Plan FY 2026/27 — due 15 Jan 2027');
      const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
      expect(to.map((a) => a.address).sort()).toEqual(m.recipients.map((r) => r.email).sort());
      expect(to.map((a) => a.name).sort()).toEqual(m.recipients.map((r) => r.name).sort());
      expect(mail.from?.value[0]?.address).toBe('jwp.secretariat@isiolo-county.example');
      if (m.asked.indicatorActuals + m.asked.activities + m.asked.disbursements > 0) expect(mail.text).toContain(`we ask ${m.shortName} for:`);
      expect(mail.text).toContain('by 15 Jan 2027');
      expect(mail.attachments).toHaveLength(1);
      expect(mail.attachments[0]?.filename).toBe(attachment.name);
      expect(sha(mail.attachments[0]?.content ?? Buffer.alloc(0))).toBe(sha(attachment.content));

      const py = parseWithPython(eml.content);
      expect(py.defects).toEqual([]);
      expect(py.unsent).toBe('1');
      expect(py.contentType).toBe('multipart/mixed');
      expect(py.subject).toBe(mail.subject);
      expect(py.to.map(([, address]) => address).sort()).toEqual(m.recipients.map((r) => r.email).sort());
      expect(py.parts.map((p) => [p.contentType, p.fileName, p.encoding])).toEqual([
        ['text/plain', null, 'quoted-printable'],
        [
          m.channel === 'bundle' ? 'application/vnd.pamoja.jwp-bundle+zip' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          attachment.name,
          'base64',
        ],
      ]);
      expect(py.parts[1]?.sha256).toBe(sha(attachment.content));
      expect(py.parts[0]?.text?.trim()).toBe(mail.text?.trim());

      if (m.channel === 'bundle') {
        expect(readBundle(attachment.content).manifest).toMatchObject({ kind: 'partner', partnerOrgId: m.organisationId });
      } else {
        const meta = readMetaSheet(await openXlsx(attachment.content));
        expect(meta).toMatchObject({
          kind: 'partner-template',
          organisationId: m.organisationId,
          periodKey: 'Q2',
          roundId: roundStatus(sec, cycleId).round?.id,
        });
      }
    }
  });

  it('takes in three templates (one with an error) and two bundles (one late), recording which import answered', async () => {
    const wec = await fillTemplate(Buffer.from(fileOf(requests, 'CGI-WEC', '.xlsx').content), 'Q2');
    wecReturned = wec.buffer;
    const paidBefore = new Set(s.disbursement.list(sec, { cycleId }).map((d) => d.id));
    const wecReturn = await applyReturn(sec, cycleId, { fileName: 'WEC Q2 filled.xlsx', buffer: wec.buffer });
    expect(wecReturn).toMatchObject({ applied: true, late: false, kind: 'template', bundleImportId: null, problems: [] });
    expect(wecReturn.changed).toBeGreaterThanOrEqual(wec.actuals);
    // The Q2 disbursement still missing, typed on the template's Disbursements sheet, is added.
    expect(wec.disbursements).toBe(1);
    expect(wecReturn.added).toBe(1);
    expect(wecReturn.changeId).not.toBeNull();
    // The import's own audit entries carry the change the round recorded.
    const ofReturn = (table: string) => listAudit(sec, { cycleId, limit: 5000 }).filter((e) => e.changeId === wecReturn.changeId && e.tableName === table);
    expect(ofReturn('indicator_periods').length).toBe(wec.actuals);
    expect(ofReturn('disbursements').length).toBe(wec.disbursements);
    const wecLines = new Set(
      s.contribution
        .list(sec, { cycleId })
        .filter((c) => c.contributorOrgId === orgId('CGI-WEC'))
        .map((c) => c.id),
    );
    const wecPaid = s.disbursement.list(sec, { cycleId }).filter((d) => wecLines.has(d.contributionId) && d.periodKey === 'Q2');
    expect(new Set(wecPaid.map((d) => d.contributionId))).toEqual(wecLines);
    expect(wecPaid.filter((d) => !paidBefore.has(d.id)).map((d) => [d.date, d.amountMinor % 100])).toEqual([['2026-12-10', 0]]);
    expect(member('CGI-WEC')).toMatchObject({ state: 'returned', missingText: 'nothing' });

    const alf = await fillTemplate(Buffer.from(fileOf(requests, 'CGI-ALF', '.xlsx').content), 'Q2');
    expect(await applyReturn(sec, cycleId, { fileName: 'alf.xlsx', buffer: alf.buffer })).toMatchObject({ applied: true });

    const doh = await fillTemplate(Buffer.from(fileOf(requests, 'CGI-DOH', '.xlsx').content), 'Q2', { badActual: 'about half' });
    const dohBefore = s.indicatorPeriod.list(sec, { cycleId });
    const dohReturn = await applyReturn(sec, cycleId, { fileName: 'doh.xlsx', buffer: doh.buffer });
    expect(dohReturn).toMatchObject({ applied: false, added: 0, changed: 0, changeId: null });
    expect(dohReturn.problems.join('\n')).toMatch(/Indicator periods, row \d+, Actual: /);
    expect(s.indicatorPeriod.list(sec, { cycleId })).toEqual(dohBefore);
    expect(member('CGI-DOH').state).toBe('problems');

    const udra = partnerReturn('UDRA', 'bbbbbbbb');
    const udraReturn = await applyReturn(sec, cycleId, { fileName: 'udra-q2.jwpb', buffer: udra });
    expect(udraReturn.problems).toEqual([]);
    expect(udraReturn).toMatchObject({ applied: true, kind: 'bundle', late: false });
    expect(udraReturn.bundleImportId).not.toBeNull();
    expect(member('UDRA')).toMatchObject({ state: 'returned', missingText: 'nothing' });

    sec.shiftClock(52 * DAY); // 21 Jan 2027, past the due date
    const lbnc = partnerReturn('LBNC', 'cccccccc');
    const lbncReturn = await applyReturn(sec, cycleId, { fileName: 'lbnc-q2.jwpb', buffer: lbnc });
    expect(lbncReturn).toMatchObject({ applied: true, late: true });
    expect(member('LBNC').state).toBe('returned_late');
    expect(member('DCRF').state).toBe('late');
  });

  it('refuses bad returns in plain words and writes nothing: the same file twice, a closed round, another org, an old bundle', async () => {
    // The same file sent twice (a second e-mail with the same attachment).
    await refusedWithoutWriting(
      () => applyReturn(sec, cycleId, { fileName: 'again.xlsx', buffer: wecReturned }),
      /"again\.xlsx" was not taken in: the same file was already taken in on .* as CGI-WEC's return \(WEC Q2 filled\.xlsx\)\. Nothing was written\./,
    );
    const q1Filled = await fillTemplate(q1Template, 'Q1');
    await refusedWithoutWriting(
      () => applyReturn(sec, cycleId, { fileName: 'wec-q1.xlsx', buffer: q1Filled.buffer }),
      /it is the template of the Q1 round, which was closed on .*; the round open now is Q2\. Nothing was written\./,
    );
    // MSDT runs Pamoja JWP but was taken out of the round.
    requests.push({
      organisationId: orgId('MSDT'),
      folder: 'MSDT',
      files: [{ name: 'msdt.jwpb', content: Buffer.from(exportPartner(sec, cycleId, orgId('MSDT'))) }],
    });
    const msdt = partnerReturn('MSDT', 'dddddddd');
    await refusedWithoutWriting(
      () => applyReturn(sec, cycleId, { fileName: 'msdt.jwpb', buffer: msdt }),
      /it comes from MSDT, which is not in the Q2 round\. Add them to the round first if they should report\./,
    );
    // A bundle made before the round opened answers an earlier request, not this round.
    trust(sec, staleIicd);
    await refusedWithoutWriting(
      () => applyReturn(sec, cycleId, { fileName: 'iicd.jwpb', buffer: staleIicd }),
      /it was made on 30 Nov 2026, before the Q2 round opened \(30 Nov 2026\): it is not a return for this round\./,
    );
  });

  it('prepares reminders for those still missing something, saying exactly what', async () => {
    const reminders = await prepareRound(sec, cycleId, 'reminder');
    const missing = roundStatus(sec, cycleId).members.filter((m) => m.missingText !== 'nothing');
    expect(reminders.map((f) => f.organisationId).sort()).toEqual(missing.map((m) => m.organisationId).sort());
    expect(reminders.map((f) => f.organisationId)).not.toContain(orgId('CGI-WEC'));
    for (const folder of reminders) {
      const m = missing.find((x) => x.organisationId === folder.organisationId);
      const eml = folder.files.find((f) => f.name === 'reminder.eml');
      if (!m || !eml) throw new Error('a reminder without its draft');
      const mail = await parseWithMailparser(eml.content);
      expect(mail.subject).toMatch(/^Reminder: Q2 \(Oct–Dec\) report/);
      expect(mail.text).toContain(`Still missing: ${m.missingText}.`);
      expect(parseWithPython(eml.content).defects).toEqual([]);
      expect(member(m.shortName).remindedAt).not.toBeNull();
    }
  });

  it('closes the round into the audit log and the M&E report, with a line per organisation that did not report; reopens, audited', async () => {
    closeRound(sec, cycleId);
    const closing = listAudit(sec, { cycleId, limit: 50 }).find((e) => e.tableName === 'reporting_rounds' && e.action === 'update');
    expect(JSON.stringify(closing?.after)).toContain('"organisation":"LBNC"');
    const report = await exportDocx(sec, cycleId, { doc: 'me-report', period: 'Q2' });
    const text = plainText(documentXml(report.buffer));
    expect(text).toContain('Partner returns for Q2 (Oct–Dec)');
    expect(text).toContain('8 organisations were asked for Q2 figures, due 15 Jan 2027; 4 returned them.');
    for (const short of ['CGI-DOH', 'DCRF', 'IICD', 'NDMA Isiolo']) expect(text).toContain(`No return for Q2 from ${short}.`);
    for (const short of ['CGI-WEC', 'CGI-ALF', 'UDRA', 'LBNC']) expect(text).not.toContain(`No return for Q2 from ${short}.`);
    // A template of a closed round is refused, and nothing written.
    const alf = await fillTemplate(Buffer.from(fileOf(requests, 'CGI-ALF', '.xlsx').content), 'Q2', { badActual: 'x' });
    await refusedWithoutWriting(() => applyReturn(sec, cycleId, { fileName: 'late-alf.xlsx', buffer: alf.buffer }), /The Q2 reporting round was closed on/);
    reopenRound(sec, cycleId);
    expect(roundStatus(sec, cycleId).round?.status).toBe('open');
    expect(listAudit(sec, { cycleId, limit: 5 }).find((e) => e.tableName === 'reporting_rounds')?.after).toMatchObject({ status: 'open', closedOn: null });
  });

  it("carries the round's record in the full bundle: the receiving copy shows who was asked and who answered, when", () => {
    const bundle = exportFull(sec, cycleId);
    // Rounds need 7; the sample's budget lines (valued or not) need 8.
    expect(readBundle(bundle).manifest.formatVersion).toBe(8);
    const receiver = peer('copy', 'ffffffff', { start: sec.now().toISOString() });
    partners.push(receiver);
    trust(receiver, bundle);
    expect(importInto(receiver, bundle).applied).toBe(true);
    const record = (status: ReturnType<typeof roundStatus>) => ({
      history: status.history,
      members: status.members.map((m) => ({
        org: m.organisationId,
        channel: m.channel,
        askedAt: m.askedAt,
        remindedAt: m.remindedAt,
        returns: m.returns.map((r) => [r.fileName, r.receivedAt, r.applied, r.late, r.problems]),
      })),
    });
    const sent = record(roundStatus(sec, cycleId));
    expect(sent.members).toHaveLength(8);
    expect(sent.members.flatMap((m) => m.returns)).toHaveLength(5);
    expect(record(roundStatus(receiver, cycleId))).toEqual(sent);
  });

  it('still imports a format 4 bundle, made before rounds travelled', () => {
    const key = inWriteTransaction(sec, (tx) => installationKey(tx));
    const older = rebuild(exportFull(sec, cycleId), key, (json, manifest) => {
      for (const record of ['reportingRound', 'roundMember', 'roundReturn']) json.delete(`rows/${record}.json`);
      manifest.counts = Object.fromEntries(
        Object.entries(manifest.counts).filter(([register]) => !register.startsWith('round') && register !== 'reportingRound'),
      );
      manifest.formatVersion = 4;
    });
    const receiver = peer('old copy', '12121212', { start: sec.now().toISOString() });
    partners.push(receiver);
    trust(receiver, older);
    expect(importInto(receiver, older).applied).toBe(true);
    expect(s.activity.list(receiver, { cycleId })).toHaveLength(s.activity.list(sec, { cycleId }).length);
    expect(roundStatus(receiver, cycleId).round).toBeNull();
  });
});
