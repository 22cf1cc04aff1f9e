import { codeLabel } from '../../exports/xlsx/cycle-data';
import { orgListName } from '../../exports/xlsx/partner-template';
import type { Refs } from '../xlsx/refs';
import { displayValue } from '../xlsx/row-fields';
import type { SheetShape, WorkbookRegister } from './layout';

const str = (value: unknown) => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

function orgName(refs: Refs, id: unknown): string {
  const org = refs.organisationsById.get(str(id));
  return org ? orgListName(org) : '';
}

/** How the preview names a row: "A1.4 – Water trucking", "Ali Hassan (ACF)". */
export function rowLabel(register: WorkbookRegister | 'indicatorPeriod', row: Record<string, unknown>, refs: Refs): string {
  switch (register) {
    case 'organisation':
      return str(row.name);
    case 'contact':
      return `${str(row.name)}${orgName(refs, row.organisationId) ? ` (${orgName(refs, row.organisationId)})` : ''}`;
    case 'objective':
      return codeLabel(str(row.code), str(row.statement).slice(0, 80));
    case 'activity':
      return codeLabel(str(row.code), str(row.title));
    case 'contribution': {
      const activity = refs.activities.get(str(row.activityId));
      return `${str(row.component)} · ${orgName(refs, row.contributorOrgId)}${activity ? ` (${activity.code || activity.title})` : ''}`;
    }
    case 'disbursement':
      return `${refs.periodLabel(str(row.periodKey))} · ${str(row.date)}`;
    case 'indicator':
      return codeLabel(str(row.code), str(row.name));
    case 'indicatorPeriod': {
      const indicator = refs.indicators.get(str(row.indicatorId));
      return `${indicator ? codeLabel(indicator.code, indicator.name) : 'Indicator'} · ${refs.periodLabel(str(row.periodKey))}`;
    }
    case 'risk':
      return codeLabel(str(row.code), str(row.description).slice(0, 80));
    case 'milestone':
      return str(row.title);
    case 'learningEntry':
      return `${str(row.entryDate)} · ${str(row.whatWorked).slice(0, 60)}`;
    case 'adaptiveTrigger':
      return str(row.trigger).slice(0, 80);
    case 'signatory':
      return `${str(row.name)}, ${str(row.title)}`;
  }
}

/** A value as the preview shows it: dates, amounts, labels and names as people read them. */
export function shownValue(sheet: { spec: SheetShape }, field: string, value: unknown, refs: Refs, currency: string): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (field === 'objectiveId') return displayValue({ kind: 'objective' }, value, refs);
  if (field === 'activityId') return displayValue({ kind: 'activity' }, value, refs);
  const column = sheet.spec.columns.find((c) => c.field === field);
  if (!column) return str(value);
  switch (column.kind) {
    case 'organisation':
      return orgName(refs, value) || str(value);
    case 'indicator': {
      const indicator = refs.indicators.get(str(value));
      return indicator ? codeLabel(indicator.code, indicator.name) : str(value);
    }
    case 'output':
    case 'objectiveOrActivity':
      return str(value);
    default:
      return displayValue({ kind: column.kind, ...(column.choices ? { choices: column.choices } : {}) }, value, refs, currency);
  }
}
