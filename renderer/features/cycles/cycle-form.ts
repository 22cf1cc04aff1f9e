import { explainIssues } from '../../../shared/api/explain';
import { cycleCreateInput, type CycleCreateInput } from '../../../shared/api/schemas/cycle';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange, fiscalYearStartYear } from '../../../shared/fiscal-year';
import { RATE_SCALE } from '../../../shared/money';
import type { ReportingFrequency } from '../../../shared/reporting-periods';
import type { cyclePhases } from '../../../shared/domain/vocabulary';
import type { FieldProblem, Result } from '../../../shared/result';
import { readDateText, shownDate } from '../../components/form/date-hint';
import { readRate } from '../../components/form/rate-input';

type CyclePhase = (typeof cyclePhases.keys)[number];

/** The create-cycle form as typed: text as entered (dates too, day first), before it becomes an API input. */
export interface CycleFormValues {
  title: string;
  countyId: string;
  fiscalYear: string;
  startDate: string;
  endDate: string;
  reportingPeriod: ReportingFrequency;
  phase: CyclePhase;
  rate: string;
  rateDate: string;
}

/** API field names the form shows, so each refused field's message lands beside it. */
export const cycleFormFields = ['title', 'countyId', 'fiscalYear', 'startDate', 'endDate', 'reportingPeriod', 'phase', 'kesPerUsdScaled', 'exchangeRateDate'];

/** The pilot county, whose sample cycle ships with the app; used only before any cycle exists. */
const PILOT_COUNTY = 'Isiolo';

export { localIsoDate } from '../../components/today';

/** Last year's, this year's and the next two county fiscal years: plans are made ahead. */
export function fiscalYearChoices(today: string): string[] {
  const current = fiscalYearStartYear(fiscalYearOf(today));
  return [current - 1, current, current + 1, current + 2].map(fiscalYearLabel);
}

/** A Secretariat plans for one county: the county of its newest cycle, else the pilot county. */
export function defaultCountyId(counties: readonly { id: string; name: string }[], cycles: readonly { countyId: string; createdAt: string }[]): string {
  const newest = cycles.reduce<{ countyId: string; createdAt: string } | null>(
    (best, cycle) => (best && best.createdAt >= cycle.createdAt ? best : cycle),
    null,
  );
  if (newest && counties.some((county) => county.id === newest.countyId)) return newest.countyId;
  return (counties.find((county) => county.name === PILOT_COUNTY) ?? counties[0])?.id ?? '';
}

export function cycleFormDefaults(today: string, countyId: string): CycleFormValues {
  return withFiscalYear(
    { title: '', countyId, fiscalYear: '', startDate: '', endDate: '', reportingPeriod: 'quarterly', phase: 'planning', rate: '', rateDate: shownDate(today) },
    fiscalYearOf(today),
  );
}

/** Choosing a fiscal year sets the cycle's dates to that year's 1 July – 30 June. */
export function withFiscalYear(values: CycleFormValues, fiscalYear: string): CycleFormValues {
  const range = fiscalYearRange(fiscalYear);
  return { ...values, fiscalYear, startDate: shownDate(range.start), endDate: shownDate(range.end) };
}

/**
 * Checks the typed values with the contract's own schema, so every message reads as the server's
 * would and all of them show at once; rules that need the database (dates against the fiscal
 * year, the county) are still the server's to enforce.
 */
export function toCycleInput(values: CycleFormValues): Result<CycleCreateInput> {
  const rate = readRate(values.rate);
  const problems: FieldProblem[] = rate.ok ? [] : [{ field: 'kesPerUsdScaled', message: rate.message }];
  const date = (field: 'startDate' | 'endDate' | 'exchangeRateDate', label: string, typed: string): string | null => {
    const read = readDateText(label, typed);
    if (read.ok) return read.value;
    problems.push({ field, message: read.message });
    return null;
  };
  const dates = {
    startDate: date('startDate', 'Start date', values.startDate),
    endDate: date('endDate', 'End date', values.endDate),
    exchangeRateDate: date('exchangeRateDate', 'Rate date', values.rateDate),
  };
  const input = {
    title: values.title,
    countyId: values.countyId,
    fiscalYear: values.fiscalYear,
    // Stand-ins where the text is unreadable, so the schema reports only the other fields.
    startDate: dates.startDate ?? '2000-01-01',
    endDate: dates.endDate ?? '2000-01-01',
    reportingPeriod: values.reportingPeriod,
    phase: values.phase,
    kesPerUsdScaled: rate.ok ? rate.value : RATE_SCALE,
    exchangeRateDate: dates.exchangeRateDate ?? '2000-01-01',
  } satisfies CycleCreateInput;
  const parsed = cycleCreateInput.safeParse(input);
  if (!parsed.success) problems.push(...(explainIssues(parsed.error.issues).problems ?? []));
  const [first] = problems;
  if (first) return { ok: false, error: { code: 'invalid_input', message: first.message, field: first.field, problems } };
  return { ok: true, value: input };
}
