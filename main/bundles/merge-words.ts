import type { FieldChangeDto } from '../../shared/api/schemas/bundles';
import type { Row } from '../db/row-store';
import type { ExchangeName } from './exchange-tables';
import type { PlanItem } from './plan-types';

/** What a field-by-field merge does, in the words the preview and `pamoja bundle import` show. */

export type Show = (register: ExchangeName, field: string, mine: Row, theirs: Row) => FieldChangeDto;

/** "Title", "Title and Status", "Title, Status and Budget". */
export function listed(labels: string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}

/** Every differing field of a row both sides changed, with who changed it. */
export function mergeFieldsShown(item: PlanItem, show: Show): FieldChangeDto[] {
  const { mine, theirs, fieldMerges } = item;
  if (!mine || !theirs || !fieldMerges) return [];
  return fieldMerges.map((merge) => ({ ...show(item.register, merge.field, mine, theirs), changedBy: merge.changedBy }));
}

const labelsOf = (fields: FieldChangeDto[], side: FieldChangeDto['changedBy']) => fields.filter((f) => f.changedBy === side).map((f) => f.label);

/** After "changed both here and by …": which fields ask for a choice, and what happens to the rest. */
export function conflictDetail(fields: FieldChangeDto[], sender: string): string {
  const [both, mineOnly, theirsOnly] = [labelsOf(fields, 'both'), labelsOf(fields, 'mine'), labelsOf(fields, 'theirs')];
  if (mineOnly.length + theirsOnly.length === 0) return '';
  const parts = [both.length > 0 ? `Choose only for ${listed(both)}, changed on both sides.` : 'Together these changes break a rule: choose field by field.'];
  if (mineOnly.length > 0) parts.push(`${listed(mineOnly)} changed only here: yours is kept.`);
  if (theirsOnly.length > 0) parts.push(`${listed(theirsOnly)} changed only by ${sender}: theirs is taken.`);
  return ` ${parts.join(' ')}`;
}

/** A row changed on both sides in different fields, merged without a question: what of ours it keeps. */
export function keptHere(fields: FieldChangeDto[]): string | undefined {
  const mineOnly = labelsOf(fields, 'mine');
  if (mineOnly.length === 0) return undefined;
  const [noun, verb] = mineOnly.length === 1 ? ['change', 'is'] : ['changes', 'are'];
  return `Also changed here since you last exchanged bundles: your ${noun} to ${listed(mineOnly)} ${verb} kept.`;
}
