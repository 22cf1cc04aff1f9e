import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { TEMPLATE_HEADER_ROW } from '../../main/exports/xlsx/partner-template';
import { exportXlsx } from '../../main/exports/xlsx/index';
import { openXlsx } from '../../main/imports/sheet-reader/xlsx-file';
import { columnLetter } from '../../main/exports/xlsx/sheet-kit';
import { registerServices } from '../../main/services/index';
import type { BenchSection } from './sections';
import { benchChildResult } from './child';

const templateRun = z.object({ ms: z.number(), baselineMb: z.number(), peakMb: z.number(), adds: z.number(), errors: z.number() });

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The partner's template as returned with `rows` new activities typed under theirs, written
 * straight into the Activities sheet's XML (building 150,000 rows with exceljs would measure
 * exceljs, not the import).
 */
function returnedTemplate(template: Buffer, rows: number): Buffer {
  const read = openXlsx(template, 'template.xlsx', 'partner template');
  const activities = read.sheet('Activities');
  if (!activities) throw new Error('The partner template has no Activities sheet.');
  const header = activities.firstRows(TEMPLATE_HEADER_ROW).find((row) => row.rowNumber === TEMPLATE_HEADER_ROW);
  const column = (name: string) => {
    const found = [...(header?.cells ?? [])].find(([, cell]) => cell.kind === 'text' && cell.text === name);
    if (!found) throw new Error(`The Activities sheet has no column ${name}.`);
    return columnLetter(found[0]);
  };
  let lastRow = 0;
  let objective = '';
  const objectiveColumn = column('Objective');
  for (const row of activities.rows()) {
    lastRow = row.rowNumber;
    const cell = [...row.cells].find(([index]) => columnLetter(index) === objectiveColumn)?.[1];
    if (!objective && row.rowNumber > TEMPLATE_HEADER_ROW && cell?.kind === 'text') objective = cell.text;
  }
  const typed: [string, (i: number) => string][] = [
    [column('Code'), (i) => `P${i + 1}`],
    [column('Title'), (i) => `Partner activity ${i + 1}`],
    [objectiveColumn, () => objective],
    [column('Sector'), () => 'Water & WASH'],
    [column('Start date'), () => '1/9/2026'],
    [column('End date'), () => '31 Mar 2027'],
    [column('Status'), () => 'Planned'],
  ];
  const files = unzipSync(template);
  const workbookXml = Buffer.from(files['xl/workbook.xml'] ?? []).toString('utf8');
  const relationId = /<sheet [^>]*name="Activities"[^>]*r:id="([^"]+)"/.exec(workbookXml)?.[1];
  const rels = Buffer.from(files['xl/_rels/workbook.xml.rels'] ?? []).toString('utf8');
  const target = new RegExp(`Id="${relationId ?? ''}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetXml = Buffer.from(files[part] ?? []).toString('utf8');
  const added: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = lastRow + 1 + i;
    const cells = typed.map(([letter, value]) => `<c r="${letter}${r}" t="inlineStr"><is><t>${escape(value(i))}</t></is></c>`).join('');
    added.push(`<row r="${r}">${cells}</row>`);
  }
  files[part] = strToU8(sheetXml.replace('</sheetData>', `${added.join('')}</sheetData>`));
  return Buffer.from(zipSync(files, { level: 6 }));
}

/**
 * Issue 15, item 7: a partner template of 20,000 new rows applied, and one of 150,000 rows
 * previewed (a dry run), each in a fresh process on a copy of the large plan's database, so the
 * peak memory is the import's alone. Before the one streaming reader: 23.5 s and 700 MB to apply
 * 20,000 rows, 2.9 GB for the dry run of 150,000.
 */
export const templateRowsBench: BenchSection = {
  title: 'Partner templates of 20,000 and 150,000 rows on the streaming reader (issue 15, item 7)',
  async run({ ctx, cycleId, dir, line, fmt }) {
    const partner = registerServices.organisation.list(ctx, { cycleId })[1];
    if (!partner) throw new Error('The benchmark plan has no partner.');
    const template = (await exportXlsx(ctx, { cycleId, doc: 'partner-template', partnerOrgId: partner.id })).buffer;
    const database = path.join(dir, 'template-rows.db');
    for (const [rows, mode] of [
      [20_000, 'apply'],
      [150_000, 'preview'],
    ] as const) {
      const file = path.join(dir, `returned-${rows}.xlsx`);
      fs.writeFileSync(file, returnedTemplate(template, rows));
      // A fresh copy each time: the apply writes its rows.
      fs.writeFileSync(database, ctx.db.$client.serialize());
      const load = os.loadavg()[0] ?? 0;
      const result = benchChildResult('template-child.ts', [database, file, mode], templateRun);
      line(
        `${mode === 'apply' ? 'apply' : 'preview (dry run)'}, ${fmt(rows)}-row template`,
        `${fmt(result.ms)} ms, peak memory ${fmt(result.peakMb)} MB (Node and the app alone ${fmt(result.baselineMb)} MB); ${fmt(result.adds)} to add, ${fmt(result.errors)} errors; load ${fmt(load, 1)}`,
      );
    }
  },
};
