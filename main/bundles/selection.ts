import type { PersonalDataDto } from '../../shared/api/schemas/bundles';
import type { Row } from '../db/row-store';
import { textListOf, textOf, textOrNullOf } from '../db/row-values';
import type { LocalTombstone, RowsByRegister } from './cycle-rows';
import { exchangeTable, exchangeTables, type ExchangeName } from './exchange-tables';
import { plural } from './refusal';

/**
 * Which rows a bundle carries. A full bundle: the whole cycle. A partner bundle: the partner's own
 * rows, the reference rows they name (recursively), the cycle's organisations, objectives and
 * milestones, and — for personal data (Data Protection Act, 2019) — only the contacts of that
 * partner and of the Secretariat, and no signatories.
 */

export interface Selection {
  rows: RowsByRegister;
  tombstones: Map<ExchangeName, LocalTombstone[]>;
}

/** Registers a partner bundle carries whole: the shared frame every partner plans within. */
const SHARED_REGISTERS: ExchangeName[] = ['organisation', 'objective', 'milestone'];
/** Registers never in a partner bundle: who signs the plan is the Secretariat's business. */
const NEVER_IN_PARTNER: ExchangeName[] = ['signatory'];

export function selectFull(rows: RowsByRegister, tombstones: Map<ExchangeName, Map<string, LocalTombstone>>): Selection {
  return { rows, tombstones: new Map([...tombstones].map(([register, byId]) => [register, [...byId.values()]])) };
}

export function selectPartner(
  all: RowsByRegister,
  tombstones: Map<ExchangeName, Map<string, LocalTombstone>>,
  options: { partnerOrgId: string; leadOrgId: string | null; senderIsSecretariat: boolean },
): Selection {
  const chosen = new Map<ExchangeName, Map<string, Row>>(exchangeTables.map((t) => [t.register, new Map()]));
  const pending: [ExchangeName, Row][] = [];
  const add = (register: ExchangeName, row: Row | undefined) => {
    if (!row || NEVER_IN_PARTNER.includes(register)) return;
    let into = chosen.get(register);
    if (!into) chosen.set(register, (into = new Map()));
    const id = textOf(row, 'id');
    if (into.has(id)) return;
    into.set(id, row);
    pending.push([register, row]);
  };
  const people = new Set([options.partnerOrgId, options.leadOrgId].filter((id): id is string => id !== null));
  for (const t of exchangeTables) {
    for (const row of all.get(t.register)?.values() ?? []) {
      if (t.register === 'contact') {
        if (people.has(textOf(row, 'organisationId'))) add(t.register, row);
      } else if (SHARED_REGISTERS.includes(t.register) || row.ownerOrgId === options.partnerOrgId) {
        add(t.register, row);
      }
    }
  }
  // The rows the chosen ones name, so the bundle is complete in itself.
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [register, row] = next;
    for (const ref of exchangeTable[register].references) {
      if (ref.target === 'adminUnit') continue;
      const ids = ref.list ? textListOf(row, ref.field) : [textOrNullOf(row, ref.field)];
      for (const id of ids) if (id !== null) add(ref.target, all.get(ref.target)?.get(id));
    }
  }
  const deletions = new Map<ExchangeName, LocalTombstone[]>();
  for (const [register, byId] of tombstones) {
    // A partner sends only its own deletions; the Secretariat tells a partner of every deletion.
    const list = [...byId.values()].filter((tombstone) => options.senderIsSecretariat || tombstone.ownerOrgId === options.partnerOrgId);
    if (!NEVER_IN_PARTNER.includes(register)) deletions.set(register, list);
  }
  return { rows: chosen, tombstones: deletions };
}

/**
 * The registers personal data is counted from. A full export reads only these as rows (SQLite
 * writes the others whole), so `personalDataOf` is handed them alone: reading a register not named
 * here would not compile, rather than count nothing.
 */
export const PERSONAL_DATA_REGISTERS = ['contact', 'organisation', 'signatory'] as const satisfies readonly ExchangeName[];
interface PersonalDataRows {
  get(register: (typeof PERSONAL_DATA_REGISTERS)[number]): ReadonlyMap<string, Row> | undefined;
}

/** What the export dialog says about personal data leaving the machine. */
export function personalDataOf(rows: PersonalDataRows, kind: 'full' | 'partner'): PersonalDataDto {
  const contacts = [...(rows.get('contact')?.values() ?? [])];
  const orgs = rows.get('organisation') ?? new Map<string, Row>();
  const byOrg = new Map<string, number>();
  for (const contact of contacts) {
    const organisationId = textOf(contact, 'organisationId');
    byOrg.set(organisationId, (byOrg.get(organisationId) ?? 0) + 1);
  }
  const grouped = [...byOrg].map(([organisationId, count]) => ({
    organisationId,
    organisationName: String(orgs.get(organisationId)?.shortName || orgs.get(organisationId)?.name || organisationId),
    count,
  }));
  const signatories = rows.get('signatory')?.size ?? 0;
  const parts: string[] = [];
  if (contacts.length > 0) {
    parts.push(
      `the names, job titles, phone numbers and email addresses of ${plural(contacts.length, 'contact person', 'contact people')} (${grouped.map((g) => `${g.organisationName}: ${g.count}`).join('; ')})`,
    );
  }
  if (signatories > 0) parts.push(`the names and job titles of ${plural(signatories, 'signatory', 'signatories')} of the plan`);
  const summary =
    parts.length === 0
      ? 'This bundle carries no personal data: no contact details and no signatories.'
      : `Personal data leaving this computer in this bundle: ${parts.join(', and ')}.${kind === 'partner' ? " No other stakeholders' contact details are included." : ' A full bundle carries every stakeholder’s contacts: send it only to the Secretariat’s own copies and to partners entitled to the whole plan.'}`;
  return { summary, contacts: grouped, contactFields: contacts.length > 0 ? ['name', 'title', 'phone', 'email'] : [], signatories };
}
