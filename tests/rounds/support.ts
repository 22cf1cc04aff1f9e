import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { simpleParser, type ParsedMail } from 'mailparser';
import { z } from 'zod';
import { columnOf, openXlsx, sheet, toBuffer } from '../exports/xlsx/support';

/** Helpers of the reporting-round tests: a partner filling in its template, and two MIME parsers. */

const HEADER_ROW = 3;

function lastRow(worksheet: ExcelJS.Worksheet): number {
  let last = HEADER_ROW;
  worksheet.eachRow((row, number) => {
    if (row.hasValues) last = number;
  });
  return last;
}

/** A day inside each period of the sample's fiscal year 2026/27, for a disbursement's date. */
const DAY_IN_PERIOD: Record<string, Date> = {
  Q1: new Date(Date.UTC(2026, 8, 15)),
  Q2: new Date(Date.UTC(2026, 11, 10)),
  Q3: new Date(Date.UTC(2027, 2, 10)),
  Q4: new Date(Date.UTC(2027, 5, 10)),
};

/**
 * What a partner does with its template: every empty Actual of the period gets a figure (or the
 * text `badActual`, a typing slip), every budget line of the period the amount it disbursed and
 * when, and the activities get a status and % done.
 */
export async function fillTemplate(
  template: Buffer,
  periodKey: string,
  options: { badActual?: string } = {},
): Promise<{ buffer: Buffer; actuals: number; disbursements: number }> {
  const workbook = await openXlsx(template);
  const periods = sheet(workbook, 'Indicator periods');
  const period = columnOf(periods, HEADER_ROW, 'Period');
  const actual = columnOf(periods, HEADER_ROW, 'Actual');
  let actuals = 0;
  for (let row = HEADER_ROW + 1; row <= lastRow(periods); row++) {
    if (!periods.getCell(row, period).text.startsWith(periodKey) || periods.getCell(row, actual).value !== null) continue;
    periods.getCell(row, actual).value = options.badActual && actuals === 0 ? options.badActual : 40 + row;
    actuals++;
  }
  const paid = sheet(workbook, 'Disbursements');
  const paidPeriod = columnOf(paid, HEADER_ROW, 'Period');
  const amount = columnOf(paid, HEADER_ROW, 'Amount disbursed');
  let disbursements = 0;
  for (let row = HEADER_ROW + 1; row <= lastRow(paid); row++) {
    if (!paid.getCell(row, paidPeriod).text.startsWith(periodKey) || paid.getCell(row, amount).value !== null) continue;
    paid.getCell(row, amount).value = 250_000 + row;
    paid.getCell(row, columnOf(paid, HEADER_ROW, 'Date disbursed')).value = DAY_IN_PERIOD[periodKey] ?? null;
    disbursements++;
  }
  // A round that asks for learning entries: one entry for the period.
  const learning = workbook.getWorksheet('Learning');
  if (learning) {
    const row = lastRow(learning) + 1;
    learning.getCell(row, columnOf(learning, HEADER_ROW, 'Date')).value = DAY_IN_PERIOD[periodKey] ?? null;
    learning.getCell(row, columnOf(learning, HEADER_ROW, 'Session')).value = 'Review meeting';
    learning.getCell(row, columnOf(learning, HEADER_ROW, 'What worked')).value = 'Joint field visits with the ward administrators';
  }
  const activities = sheet(workbook, 'Activities');
  const completion = columnOf(activities, HEADER_ROW, 'Completion %');
  const status = columnOf(activities, HEADER_ROW, 'Status');
  for (let row = HEADER_ROW + 1; row <= lastRow(activities); row++)
    if (['Planned', 'Ongoing', 'Delayed'].includes(activities.getCell(row, status).text)) {
      activities.getCell(row, status).value = 'Ongoing';
      activities.getCell(row, completion).value = 50;
    }
  return { buffer: await toBuffer(workbook), actuals, disbursements };
}

export const parseWithMailparser = (eml: Buffer): Promise<ParsedMail> => simpleParser(eml);

const pythonParse = z.object({
  unsent: z.string().nullable(),
  subject: z.string(),
  to: z.array(z.array(z.string())),
  from: z.array(z.string()),
  contentType: z.string(),
  parts: z.array(
    z.object({ contentType: z.string(), fileName: z.string().nullable(), encoding: z.string().nullable(), sha256: z.string(), text: z.string().nullable() }),
  ),
  defects: z.array(z.string()),
});

const PYTHON = `
import email, email.policy, email.utils, hashlib, json, sys
raw = open(sys.argv[1], 'rb').read()
msg = email.message_from_bytes(raw, policy=email.policy.strict)
parts = []
for part in msg.walk():
    if part.is_multipart():
        continue
    payload = part.get_payload(decode=True)
    parts.append({
        'contentType': part.get_content_type(),
        'fileName': part.get_filename(),
        'encoding': part.get('Content-Transfer-Encoding'),
        'sha256': hashlib.sha256(payload).hexdigest(),
        'text': part.get_content() if part.get_content_maintype() == 'text' else None,
    })
print(json.dumps({
    'unsent': msg.get('X-Unsent'),
    'subject': str(msg['Subject']),
    'to': [[name, addr] for name, addr in email.utils.getaddresses([str(msg['To'])])],
    'from': list(email.utils.parseaddr(str(msg['From']))),
    'contentType': msg.get_content_type(),
    'parts': parts,
    'defects': [type(d).__name__ for p in msg.walk() for d in p.defects],
}))
`;

/** The second, independent parser: Python's standard `email` package (strict policy). */
export function parseWithPython(eml: Buffer): z.infer<typeof pythonParse> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-eml-'));
  try {
    const file = path.join(dir, 'draft.eml');
    fs.writeFileSync(file, eml);
    const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const result = spawnSync(python, ['-c', PYTHON, file], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`python3 could not parse the draft: ${result.stderr}`);
    return pythonParse.parse(JSON.parse(result.stdout));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
