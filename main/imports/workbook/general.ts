import type { WorkbookProblemDto } from '../../../shared/api/methods/workbook-import';
import type { CycleCreateInput } from '../../../shared/api/schemas/cycle';
import { cyclePhases, reportingFrequencies } from '../../../shared/domain/vocabulary';
import { fiscalYearRange, isFiscalYearLabel } from '../../../shared/fiscal-year';
import { RATE_SCALE } from '../../../shared/money';
import { GENERAL, SHEETS, WHOLE_COUNTY } from '../../exports/xlsx/sheet-names';
import { listAdminUnits } from '../../services/admin-units';
import type { AppContext } from '../../services/context';
import { EMPTY, matchKey, parseChoice, parseDate, parseMeasure, parseText, type CellValue, type Parsed } from '../xlsx/cells';
import { headerKey } from './layout';
import type { WorkbookRead } from './read-workbook';

export interface GeneralRead {
  /** The cycle's fields as the sheet gives them (the lead agency comes later: it names an organisation). */
  fields: CycleCreateInput;
  leadAgency: { cell: CellValue; row: number | null };
  problems: WorkbookProblemDto[];
}

/** "FY 2026/27 (county fiscal year…)", "2026/27", "2026/2027" → "2026/27". */
function fiscalYearIn(text: string): string | null {
  const match = /(\d{4})\s*[/-]\s*(\d{2}|\d{4})/.exec(text);
  if (!match) return null;
  const label = `${match[1]}/${match[2]?.slice(-2)}`;
  return isFiscalYearLabel(label) ? label : null;
}

/**
 * The General information sheet as a cycle: title, county, scope, fiscal year, dates, reporting
 * period, phase, the exchange rate and its date, notes. Values left empty in a blank workbook take
 * the county cycle's usual ones (the fiscal year's dates, quarterly, planning).
 */
export function readGeneralInformation(ctx: AppContext, read: WorkbookRead): GeneralRead {
  const problems: WorkbookProblemDto[] = [];
  const general = read.general;
  if (!general) {
    const message = `The sheet "${SHEETS.general}" is missing: it holds the cycle's title, county, fiscal year and exchange rate. Put it back from the exported workbook.`;
    problems.push({ sheet: SHEETS.general, row: null, column: null, message });
  }
  const at = (label: string) => general?.get(headerKey(label)) ?? { cell: EMPTY, row: null };
  const problem = (label: string, message: string) =>
    problems.push({ sheet: SHEETS.general, row: at(label).row, column: label, message: `${label}: ${message}` });
  const read1 = <T>(label: string, parse: (cell: CellValue) => Parsed<T>): T | null => {
    const parsed = parse(at(label).cell);
    if (parsed.ok) return parsed.value;
    problem(label, parsed.message);
    return null;
  };

  const title = read1(GENERAL.title, parseText) ?? '';
  if (general && title === '') problem(GENERAL.title, 'the cycle needs a title, e.g. "Isiolo County Joint Work Plan FY 2026/27".');

  const counties = listAdminUnits(ctx, { level: 'county' });
  const countyText = (read1(GENERAL.county, parseText) ?? '').replace(/\s+county$/i, '');
  const county = counties.find((unit) => matchKey(unit.name) === matchKey(countyText));
  if (general && !county) problem(GENERAL.county, countyText ? `"${countyText}" is not one of Kenya's 47 counties.` : "enter the county's name, e.g. Isiolo.");

  const scopeUnitIds = county ? readScope(ctx, county.id, at(GENERAL.scope).cell, (message) => problem(GENERAL.scope, message)) : [];

  const fiscalText = read1(GENERAL.fiscalYear, parseText) ?? '';
  const fiscalYear = fiscalYearIn(fiscalText);
  if (general && !fiscalYear) problem(GENERAL.fiscalYear, `${fiscalText ? `"${fiscalText}" is not` : 'enter'} a county fiscal year such as 2026/27.`);
  const range = fiscalYear ? fiscalYearRange(fiscalYear) : null;
  const startDate = read1(GENERAL.startDate, parseDate) ?? range?.start ?? '';
  const endDate = read1(GENERAL.endDate, parseDate) ?? range?.end ?? '';

  // parseChoice gives a key of the labels it is given, or null for an empty cell.
  const reportingPeriod = read1(GENERAL.reportingPeriod, (cell) => parseChoice(cell, reportingFrequencies.labels));
  const phase = read1(GENERAL.phase, (cell) => parseChoice(cell, cyclePhases.labels));
  const rate = read1(GENERAL.rate, parseMeasure);
  if (general && (rate === null || rate <= 0)) problem(GENERAL.rate, 'enter how many shillings one US dollar buys, e.g. 129.35.');
  const exchangeRateDate = read1(GENERAL.rateDate, parseDate) ?? '';
  if (general && exchangeRateDate === '') problem(GENERAL.rateDate, 'enter the date of the exchange rate, e.g. 1/7/2026.');
  const notes = read1(GENERAL.notes, parseText) ?? '';

  return {
    fields: {
      title,
      countyId: county?.id ?? '',
      scopeUnitIds,
      fiscalYear: fiscalYear ?? '',
      startDate,
      endDate,
      reportingPeriod: reportingFrequencies.has(reportingPeriod) ? reportingPeriod : 'quarterly',
      phase: cyclePhases.has(phase) ? phase : 'planning',
      kesPerUsdScaled: Math.round((rate ?? 0) * RATE_SCALE),
      exchangeRateDate,
      notes,
    },
    leadAgency: at(GENERAL.leadAgency),
    problems,
  };
}

/** The wards and sub-counties named, or none for the whole county. */
function readScope(ctx: AppContext, countyId: string, cell: CellValue, problem: (message: string) => void): string[] {
  const text = parseText(cell);
  if (!text.ok) {
    problem(text.message);
    return [];
  }
  if (text.value === '' || matchKey(text.value) === matchKey(WHOLE_COUNTY)) return [];
  const units = listAdminUnits(ctx, { withinId: countyId });
  const ids: string[] = [];
  for (const name of text.value.split(/[,;\n]/).map((piece) => piece.trim())) {
    if (!name) continue;
    const found = units.filter((unit) => matchKey(unit.name) === matchKey(name.replace(/\s+(ward|sub-?county)$/i, '')));
    const unit = found.find((candidate) => candidate.level === 'ward') ?? found[0];
    if (!unit) problem(`"${name}" is not a ward or sub-county of this county.`);
    else ids.push(unit.id);
  }
  return ids;
}
