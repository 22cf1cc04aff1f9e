import type { FileChild } from 'docx';
import type { PlanData } from '../plan-data';
import { emptyNote, signatureTable } from './blocks';
import { displayDate } from './format';
import type { Orientation } from './theme';

/**
 * The signatories register as a signature table: County Secretary, CEC Member for Finance &
 * Economic Planning and partners' leadership, in the register's order, signature and date blank.
 */
export function signatoriesTable(data: PlanData, orientation: Orientation): FileChild[] {
  if (data.signatories.length === 0) {
    return [
      emptyNote(
        'No signatories are recorded for this cycle yet. Add the County Secretary, the CEC Member for Finance & Economic Planning and the development partners’ leadership in the approvals register, then produce this document again.',
      ),
    ];
  }
  return [
    signatureTable(
      orientation,
      data.signatories.map((s) => ({
        name: s.name,
        title: s.title,
        organisation: data.orgById.get(s.organisationId)?.name ?? '',
        date: s.signedOn ? displayDate(s.signedOn) : undefined,
      })),
    ),
  ];
}
