import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { codeLabel } from '../../exports/xlsx/cycle-data';
import { TEMPLATE_SHEETS, type TemplateRegister } from '../../exports/xlsx/template-layout';
import type { Existing } from './add-rows';
import type { SheetRead } from './read-template';
import type { Refs } from './refs';
import { textValue, type FieldValue } from './row-fields';

/** Which record a template row is, and how the preview names it. */

type Identity = { ok: true; fields: Record<string, unknown> } | { ok: false; column: string | null; message: string };

/**
 * The fields a template does not show but a row needs: the owner (the template's organisation) and,
 * for an indicator period, its indicator and period, which a filled-in row may not move.
 */
export function identify(
  register: TemplateRegister,
  sheet: SheetRead,
  values: Map<string, FieldValue>,
  target: Existing | undefined,
  refs: Refs,
  org: OrganisationDto,
): Identity {
  if (register === 'activity') return { ok: true, fields: { leadOrgId: org.id } };
  if (register === 'contribution') return { ok: true, fields: { contributorOrgId: org.id } };
  const indicatorId = textValue(values.get('indicatorId')) ?? textValue(values.get('indicator'));
  const periodKey = textValue(values.get('periodKey'));
  if (!indicatorId)
    return { ok: false, column: header(sheet, 'indicator'), message: `${header(sheet, 'indicator')}: choose one of your indicators from the list.` };
  const indicator = refs.indicators.get(indicatorId);
  if (!indicator || indicator.ownerOrgId !== org.id) {
    return {
      ok: false,
      column: header(sheet, 'indicator'),
      message: `${header(sheet, 'indicator')}: ${indicator ? `${codeLabel(indicator.code, indicator.name)} is not an indicator of ${org.name}` : 'this indicator is not in the plan'}; choose one of your indicators.`,
    };
  }
  if (!periodKey)
    return { ok: false, column: header(sheet, 'periodKey'), message: `${header(sheet, 'periodKey')}: choose the reporting period from the list.` };
  values.set('indicatorId', indicatorId);
  values.set('periodKey', periodKey);
  if (target && (target.indicatorId !== indicatorId || target.periodKey !== periodKey)) {
    return {
      ok: false,
      column: header(sheet, 'periodKey'),
      message: `${header(sheet, 'periodKey')}: this row is ${refs.periodLabel(String(target.periodKey))} of its indicator; a filled-in row cannot move to another indicator or period. Use that period's own row.`,
    };
  }
  return { ok: true, fields: { indicatorId, periodKey } };
}

/** The column's header as this file writes it (or as the template does, when the file lacks it). */
export function header(sheet: SheetRead, field: string): string {
  return sheet.columns.get(field)?.header ?? TEMPLATE_SHEETS[sheet.register].columns.find((column) => column.field === field)?.header ?? field;
}

/** The record in the users' words, for messages. */
export function noun(register: TemplateRegister): string {
  return register === 'activity' ? 'activity' : register === 'contribution' ? 'contribution' : 'indicator period';
}

/** "A1.3 Borehole rehabilitation": how the preview names a row. */
export function rowLabel(register: TemplateRegister, row: Record<string, unknown>, refs: Refs): string {
  if (register === 'activity') return codeLabel(String(row.code ?? ''), String(row.title ?? ''));
  if (register === 'contribution') {
    const activity = refs.activities.get(String(row.activityId ?? ''));
    return `${String(row.component ?? '')}${activity ? ` (${activity.code || activity.title})` : ''}`;
  }
  const indicator = refs.indicators.get(String(row.indicatorId ?? ''));
  return `${indicator ? codeLabel(indicator.code, indicator.name) : 'Indicator'} · ${refs.periodLabel(String(row.periodKey ?? ''))}`;
}
