import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openXlsx, type XlsxSheet } from '../../main/imports/sheet-reader/xlsx-file';
import type { CellValue } from '../../main/imports/xlsx/cells';

/**
 * The streaming sheet reader on workbooks written by hand the ways Excel, LibreOffice and exceljs
 * write them: each kind of cell comes back as the import reads it, row by row.
 */
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbookFile(sheets: Record<string, string>, options: { sharedStrings?: string[]; styles?: string; date1904?: boolean } = {}): Buffer {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook ${NS}><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${names
        .map((name, i) => `<sheet name="${name.replace(/&/g, '&amp;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${names
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(`<sst ${NS}>${(options.sharedStrings ?? []).join('')}</sst>`),
    'xl/styles.xml': strToU8(options.styles ?? `<styleSheet ${NS}><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>`),
  };
  names.forEach((name, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet ${NS}>${sheets[name] ?? ''}</worksheet>`)));
  return Buffer.from(zipSync(files));
}

const rowsOf = (sheet: XlsxSheet | undefined) => [...(sheet?.rows() ?? [])].map((row) => ({ row: row.rowNumber, cells: Object.fromEntries(row.cells) }));
const text = (value: string): CellValue => ({ kind: 'text', text: value });
const number = (value: number, percentFormat = false): CellValue => ({ kind: 'number', value, percentFormat });

describe('the sheet reader', () => {
  it('reads shared, inline, rich and formula-result strings, escapes and characters beyond ASCII', () => {
    const file = workbookFile(
      {
        Sheet: `<sheetData>
          <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve">Kinna &amp; Garba Tulla </t></is></c></row>
          <row r="2"><c r="A2" t="str"><v>Q1 (Jul–Sep) · café 🌍</v></c><c r="B2" t="str"><f>UPPER(A1)</f><v>ISIOLO</v></c><c r="C2" t="s"><v>2</v></c></row>
          <row r="4"><c r="D4" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ignored</t></rPh></is></c></row>
        </sheetData>`,
      },
      { sharedStrings: ['<si><t>Isiolo</t></si>', '<si><r><t>Merti</t></r><r><t>, Cherab</t></r></si>', '<si><t>   </t></si>'] },
    );
    expect(rowsOf(openXlsx(file, 'strings.xlsx', 'cycle workbook').sheet('Sheet'))).toEqual([
      { row: 1, cells: { 1: text('Isiolo'), 2: text('Merti, Cherab'), 3: text('Kinna & Garba Tulla ') } },
      { row: 2, cells: { 1: text('Q1 (Jul–Sep) · café 🌍'), 2: { kind: 'formula', formula: 'UPPER(A1)', result: text('ISIOLO') } } },
      { row: 4, cells: { 4: text('Rich text') } },
    ]);
  });

  it('reads numbers, percentages and dates by their cell style, in the 1900 and the 1904 day counts', () => {
    const styles = `<styleSheet ${NS}><numFmts count="2"><numFmt numFmtId="164" formatCode="d\\ mmm\\ yyyy"/><numFmt numFmtId="165" formatCode="&quot;KES&quot;\\ #,##0"/></numFmts>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const sheet = `<sheetData><row r="1"><c r="A1"><v>1250000.5</v></c><c r="B1" s="1"><v>46204</v></c><c r="C1" s="2"><v>46204.75</v></c><c r="D1" s="3"><v>0.4</v></c><c r="E1" s="4"><v>120000</v></c><c r="F1" t="b"><v>1</v></c><c r="G1" t="e"><v>#DIV/0!</v></c><c r="H1" t="d"><v>2026-07-01T00:00:00Z</v></c></row></sheetData>`;
    const [row] = rowsOf(openXlsx(workbookFile({ Sheet: sheet }, { styles }), 'numbers.xlsx', 'cycle workbook').sheet('Sheet'));
    expect(row?.cells).toEqual({
      1: number(1250000.5),
      2: { kind: 'date', iso: '2026-07-01' },
      3: { kind: 'date', iso: '2026-07-01' },
      4: number(0.4, true),
      5: number(120000),
      6: { kind: 'bool', value: true },
      7: { kind: 'error', text: '#DIV/0!' },
      8: { kind: 'date', iso: '2026-07-01' },
    });
    const [old] = rowsOf(openXlsx(workbookFile({ Sheet: sheet }, { styles, date1904: true }), 'mac.xlsx', 'cycle workbook').sheet('Sheet'));
    expect(old?.cells[2]).toEqual({ kind: 'date', iso: '2030-07-02' });
  });

  it('gives a shared formula its first cell’s text, and reads rows and cells written without their addresses', () => {
    const sheet = `<sheetData><row><c><v>1</v></c><c t='str'><v>two</v></c></row><row>
      <c r="A2"><f t="shared" ref="A2:A3" si="0">B2*2</f><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row></sheetData>`;
    expect(rowsOf(openXlsx(workbookFile({ Sheet: sheet }), 'plain.xlsx', 'cycle workbook').sheet('Sheet'))).toEqual([
      { row: 1, cells: { 1: number(1), 2: text('two') } },
      { row: 2, cells: { 1: { kind: 'formula', formula: 'B2*2', result: number(4) } } },
      { row: 3, cells: { 1: { kind: 'formula', formula: 'B2*2', result: number(6) } } },
    ]);
  });

  it('repeats a merged cell down its column but not across, on rows the file does not even write', () => {
    const sheet = `<sheetData><row r="1"><c r="A1" t="str"><v>Sector</v></c><c r="B1" t="str"><v>Activity</v></c></row>
      <row r="2"><c r="A2" t="str"><v>Water</v></c><c r="B2" t="str"><v>Borehole</v></c></row><row r="4"><c r="B4" t="str"><v>Pan</v></c></row></sheetData>
      <mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells>`;
    const read = openXlsx(workbookFile({ Sheet: sheet }), 'merged.xlsx', 'cycle workbook').sheet('Sheet');
    expect(read?.merges.map((range) => range.ref)).toEqual(['A2:A4']);
    expect(rowsOf(read).slice(1)).toEqual([
      { row: 2, cells: { 1: text('Water'), 2: text('Borehole') } },
      { row: 3, cells: { 1: text('Water') } },
      { row: 4, cells: { 1: text('Water'), 2: text('Pan') } },
    ]);
    const across = `<sheetData><row r="2"><c r="A2" t="str"><v>Both</v></c><c r="B2" t="str"><v>hidden</v></c></row></sheetData><mergeCells><mergeCell ref="A2:B3"/></mergeCells>`;
    expect(rowsOf(openXlsx(workbookFile({ Sheet: across }), 'across.xlsx', 'cycle workbook').sheet('Sheet'))).toEqual([
      { row: 2, cells: { 1: text('Both') } },
      { row: 3, cells: { 1: text('Both') } },
    ]);
  });

  it('reads only the columns asked for, the first rows alone, and counts the rows holding values below a header', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}"><v>${i}</v></c><c r="C${i + 3}" t="str"><v>x</v></c></row>`).join('');
    const styledOnly = '<row r="60"><c r="A60" s="0"/></row>';
    const read = openXlsx(workbookFile({ Sheet: `<sheetData>${rows}${styledOnly}</sheetData>` }), 'many.xlsx', 'cycle workbook').sheet('Sheet');
    if (!read) throw new Error('no sheet');
    expect([...read.rows(new Set([3]))][0]?.cells).toEqual(new Map([[3, text('x')]]));
    expect(read.firstRows(4).map((row) => row.rowNumber)).toEqual([3, 4]);
    expect(read.filledRowsBelow(10, 5)).toBe(42);
    // Under the limit asked about, the count may be the rows written in all (it is never read for that).
    expect(read.filledRowsBelow(10, 100)).toBeLessThanOrEqual(100);
  });
});
