import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { formatDisplayDate } from '../../../shared/dates';
import { budgetLineLabel, codeLabel } from '../../exports/xlsx/cycle-data';
import { TEMPLATE_SHEETS, type TemplateRegister } from '../../exports/xlsx/template-layout';
import type { Existing } from './add-rows';
import type { SheetRead } from './read-template';
import type { Refs } from './refs';
import { textValue, type FieldValue } from './row-fields';

/** Which record a template row is, and how the preview names it. */

type Identity = { ok: true; fields: Record<string, unknown> } | { ok: false; column: string | null; message: string };

/**
 * The fields a template does not show but a row needs: the owner (the template's organisation) and,
 * for an indicator period or a disbursement, its indicator or budget line and period, which a
 * filled-in row may not move. An indicator row only changes an indicator the plan has.
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
  if (register === 'indicator') {
    return target
      ? { ok: true, fields: {} }
      : {
          ok: false,
          column: null,
          message:
            'Indicators are added by the JWP Secretariat, not through this template; ask them to add it. Here you can only change the desired direction of your indicators.',
        };
  }
  if (register === 'disbursement') return disbursementIdentity(sheet, values, target, refs, org);
  if (register === 'learningEntry') return { ok: true, fields: { responsibleOrgId: org.id } };
  if (register === 'risk') {
    return target
      ? { ok: true, fields: {} }
      : {
          ok: false,
          column: null,
          message: 'Risks are added to the register by the JWP Secretariat, not through this template; tell them of a new risk. Here you update your risks.',
        };
  }
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

function disbursementIdentity(sheet: SheetRead, values: Map<string, FieldValue>, target: Existing | undefined, refs: Refs, org: OrganisationDto): Identity {
  const contributionId = textValue(values.get('contributionId')) ?? textValue(values.get('contribution'));
  const periodKey = textValue(values.get('periodKey'));
  const lineColumn = header(sheet, 'contribution');
  if (!contributionId) return { ok: false, column: lineColumn, message: `${lineColumn}: choose one of your budget lines from the list.` };
  const line = refs.contributions.get(contributionId);
  if (!line || line.ownerOrgId !== org.id) {
    return {
      ok: false,
      column: lineColumn,
      message: `${lineColumn}: ${line ? `${refs.budgetLineName(line.id)} is not a budget line of ${org.name}` : 'this budget line is not in the plan'}; choose one of your budget lines.`,
    };
  }
  if (!periodKey)
    return { ok: false, column: header(sheet, 'periodKey'), message: `${header(sheet, 'periodKey')}: choose the reporting period from the list.` };
  values.set('contributionId', contributionId);
  values.set('periodKey', periodKey);
  if (target && (target.contributionId !== contributionId || target.periodKey !== periodKey)) {
    return {
      ok: false,
      column: header(sheet, 'periodKey'),
      message: `${header(sheet, 'periodKey')}: this disbursement is recorded for ${refs.periodLabel(String(target.periodKey))} of ${refs.budgetLineName(String(target.contributionId))}; a recorded disbursement cannot move. Type the other period's figure on a row of its own.`,
    };
  }
  return { ok: true, fields: { contributionId, periodKey } };
}

/** The column's header as this file writes it (or as the template does, when the file lacks it). */
export function header(sheet: SheetRead, field: string): string {
  return sheet.columns.get(field)?.header ?? TEMPLATE_SHEETS[sheet.register].columns.find((column) => column.field === field)?.header ?? field;
}

/** The record in the users' words, for messages. */
export function noun(register: TemplateRegister): string {
  const nouns: Record<TemplateRegister, string> = {
    activity: 'activity',
    contribution: 'contribution',
    disbursement: 'disbursement',
    indicator: 'indicator',
    indicatorPeriod: 'indicator period',
    learningEntry: 'learning entry',
    risk: 'risk',
  };
  return nouns[register];
}

/** "A1.3 Borehole rehabilitation": how the preview names a row. */
export function rowLabel(register: TemplateRegister, row: Record<string, unknown>, refs: Refs): string {
  if (register === 'activity') return codeLabel(String(row.code ?? ''), String(row.title ?? ''));
  if (register === 'contribution') return budgetLineLabel(String(row.component ?? ''), refs.activities.get(String(row.activityId ?? '')));
  if (register === 'disbursement') return `${refs.budgetLineName(String(row.contributionId ?? ''))} · ${refs.periodLabel(String(row.periodKey ?? ''))}`;
  if (register === 'indicator') return codeLabel(String(row.code ?? ''), String(row.name ?? ''));
  if (register === 'risk') return codeLabel(String(row.code ?? ''), String(row.description ?? ''));
  if (register === 'learningEntry') return `Learning entry of ${formatDisplayDate(String(row.entryDate ?? ''))}`;
  const indicator = refs.indicators.get(String(row.indicatorId ?? ''));
  return `${indicator ? codeLabel(indicator.code, indicator.name) : 'Indicator'} · ${refs.periodLabel(String(row.periodKey ?? ''))}`;
}
