import type { z } from 'zod';
import { explainIssues } from '../../../shared/api/explain';
import { cycleUpdateInput, type CycleDto } from '../../../shared/api/schemas/cycle';
import { formatRate } from '../../../shared/money';
import type { ReportingFrequency } from '../../../shared/reporting-periods';
import type { FieldProblem, Result } from '../../../shared/result';
import { readDateText, shownDate } from '../../components/form/date-hint';
import { readRate } from '../../components/form/rate-input';

/** The settings form as typed: dates day first, the rate as the Central Bank prints it. */
export interface CycleSettingsValues {
  title: string;
  leadOrgId: string;
  rate: string;
  rateDate: string;
  reportingPeriod: ReportingFrequency;
  startDate: string;
  endDate: string;
}

/** API field names the form shows, so each refused field's message lands beside it. */
export const cycleSettingsFields = ['title', 'leadOrgId', 'kesPerUsdScaled', 'exchangeRateDate', 'reportingPeriod', 'startDate', 'endDate'];

export const cycleSettingsOf = (cycle: CycleDto): CycleSettingsValues => ({
  title: cycle.title,
  leadOrgId: cycle.leadOrgId ?? '',
  rate: formatRate(cycle.kesPerUsdScaled),
  rateDate: shownDate(cycle.exchangeRateDate),
  reportingPeriod: cycle.reportingPeriod,
  startDate: shownDate(cycle.startDate),
  endDate: shownDate(cycle.endDate),
});

/**
 * The fields that differ from the saved cycle, checked with the contract's own schema so every
 * problem shows at once; the server still checks the dates against the fiscal year.
 */
export function cycleSettingsChanges(cycle: CycleDto, values: CycleSettingsValues): Result<z.output<typeof cycleUpdateInput>['changes']> {
  const problems: FieldProblem[] = [];
  const rate = readRate(values.rate);
  if (!rate.ok) problems.push({ field: 'kesPerUsdScaled', message: rate.message });
  const date = (field: string, label: string, typed: string): string | null => {
    const read = readDateText(label, typed);
    if (read.ok) return read.value;
    problems.push({ field, message: read.message });
    return null;
  };
  const typed = {
    title: values.title,
    leadOrgId: values.leadOrgId === '' ? null : values.leadOrgId,
    kesPerUsdScaled: rate.ok ? rate.value : cycle.kesPerUsdScaled,
    exchangeRateDate: date('exchangeRateDate', 'Rate date', values.rateDate) ?? cycle.exchangeRateDate,
    reportingPeriod: values.reportingPeriod,
    startDate: date('startDate', 'Start date', values.startDate) ?? cycle.startDate,
    endDate: date('endDate', 'End date', values.endDate) ?? cycle.endDate,
  };
  const changes: Record<string, unknown> = Object.fromEntries(Object.entries(typed).filter(([key, value]) => value !== Reflect.get(cycle, key)));
  const parsed = cycleUpdateInput.safeParse({ id: cycle.id, changes });
  if (!parsed.success) problems.push(...(explainIssues(parsed.error.issues).problems ?? []));
  const [first] = problems;
  if (first || !parsed.success) return { ok: false, error: { code: 'invalid_input', message: first?.message ?? '', field: first?.field, problems } };
  return { ok: true, value: parsed.data.changes };
}
