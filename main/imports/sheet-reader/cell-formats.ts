import { attribute, elements } from './xml-text';

/** How a cell style shows a number: as a date (Excel keeps dates as day counts), as a percentage, or as itself. */
export interface NumberFormat {
  date: boolean;
  percent: boolean;
}

const PLAIN: NumberFormat = { date: false, percent: false };

/** Excel's built-in number formats that are not plain numbers (ECMA-376 §18.8.30); the rest are custom, in styles.xml. */
const BUILT_IN: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** A format code shows a date when it has day, month, year or time letters outside quotes and brackets (as exceljs decides). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

function formatOf(code: string | undefined): NumberFormat {
  if (!code) return PLAIN;
  return { date: isDateFormat(code), percent: code.includes('%') };
}

/** Each cell style's number format, by the style index cells give in `s="…"`. */
export function readCellFormats(stylesXml: string | undefined): NumberFormat[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const { tag } of elements(stylesXml, 'numFmt')) {
    const id = Number(attribute(tag, 'numFmtId'));
    const code = attribute(tag, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const formats: NumberFormat[] = [];
  for (const { tag } of elements(cellXfs, 'xf')) {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    formats.push(formatOf(custom.get(id) ?? BUILT_IN[id]));
  }
  return formats;
}
