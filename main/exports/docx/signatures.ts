import type { FileChild } from 'docx';
import type { PlanData } from '../plan-data';
import { signatureTable } from './blocks';
import { displayDate } from './format';
import type { Orientation } from './theme';

/**
 * The signatories register as a signature table: County Secretary, CEC Member for Finance &
 * Economic Planning and partners' leadership, in the register's order, signature and date blank.
 */
export function signatoriesTable(data: PlanData, orientation: Orientation): FileChild[] {
  // No signatories recorded yet: blank lines to write the names in, never an instruction on paper.
  if (data.signatories.length === 0) {
    const blank = { name: '', title: '', organisation: '' };
    return [signatureTable(orientation, [blank, blank, blank])];
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
