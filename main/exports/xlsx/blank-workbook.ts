import { coverageMatrix } from '../../../shared/analysis/coverage';
import { DEFAULT_THRESHOLDS } from '../../../shared/analysis/indicator-status';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { isoDate } from '../../../shared/dates';
import { fiscalYearOf, fiscalYearRange } from '../../../shared/fiscal-year';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { withNames, type CycleData } from './cycle-data';

/** The id a blank workbook's details sheet gives as its cycle: none yet. */
export const BLANK_CYCLE_ID = '';

/**
 * A cycle workbook with every sheet and header but no rows, for a county that keeps its plan in
 * Excel: filled in and imported with `pamoja import-workbook --new`. Its quarters are those of the
 * fiscal year running on `today`; an import reads the periods of the cycle it creates.
 */
export function blankCycleData(today: Date): CycleData {
  const fiscalYear = fiscalYearOf(isoDate(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()));
  const { start, end } = fiscalYearRange(fiscalYear);
  const cycle: CycleDto = {
    id: BLANK_CYCLE_ID,
    title: '',
    countyId: '',
    countyName: '',
    scopeUnitIds: [],
    leadOrgId: null,
    fiscalYear: '',
    startDate: start,
    endDate: end,
    reportingPeriod: 'quarterly',
    phase: 'planning',
    kesPerUsdScaled: 0,
    exchangeRateDate: start,
    notes: '',
    createdAt: '',
    updatedAt: '',
    source: 'created',
    archivedAt: null,
  };
  return withNames({
    cycle,
    periods: reportingPeriods(cycle),
    organisations: [],
    contacts: [],
    objectives: [],
    activities: [],
    contributions: [],
    disbursements: [],
    indicators: [],
    indicatorPeriods: [],
    risks: [],
    milestones: [],
    learningEntries: [],
    adaptiveTriggers: [],
    signatories: [],
    wards: new Map(),
    subCounties: new Map(),
    thresholds: DEFAULT_THRESHOLDS,
    coverage: coverageMatrix({ cycleId: BLANK_CYCLE_ID, kesPerUsdScaled: 0, wards: [], activities: [], contributions: [] }),
  } satisfies Omit<CycleData, 'names'>);
}
