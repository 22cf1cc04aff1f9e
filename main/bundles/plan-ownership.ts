import { ServiceError } from '../../shared/result';
import type { Row } from '../db/row-store';
import { textOf } from '../db/row-values';
import type { AppContext } from '../services/context';
import type { CycleRow, Rules } from '../services/rules';
import type { RowsByRegister } from './cycle-rows';
import { exchangeTable, exchangeTables, type ExchangeName } from './exchange-tables';
import { rulesForState, StateLookup } from './plan-checks';
import type { LocalState, PlanItem, SenderAuthority } from './plan-types';
import type { ParsedBundle } from './read';

/**
 * A partner's bundle may add or change only rows its organisation owns: its activities,
 * contributions, indicators and their actuals, risks, learning entries, triggers and its own
 * contacts. Ownership is derived here as the register services derive it — from their version of
 * the row and from ours — never taken from the owner the file claims. Anything else that would
 * change this copy is refused and listed.
 *
 * A row whose owner is its parent's (a disbursement's contribution, a period's indicator) takes it
 * from this copy's parent whenever this copy has the parent: the bundle's copy of a row this copy
 * already holds is never believed (a file can carry another organisation's contribution, unchanged
 * in its stamp but "contributed" by the sender, to slip a disbursement under it). Only a parent
 * new to this copy is read from the bundle, and it passes this same check itself.
 */
export function checkOwnership(ctx: AppContext, cycle: CycleRow, authority: SenderAuthority, items: PlanItem[], local: LocalState, parsed: ParsedBundle): void {
  if (authority.role === 'secretariat') return;
  const overlay: RowsByRegister = new Map(
    exchangeTables.map((t) => {
      const ours = local.rows.get(t.register) ?? new Map<string, Row>();
      const newHere = (parsed.rows.get(t.register) ?? []).filter((row) => !ours.has(textOf(row, 'id')));
      return [t.register, new Map([...ours, ...newHere.map((row) => [textOf(row, 'id'), row] as const)])];
    }),
  );
  const theirRules = rulesForState(ctx, cycle, new StateLookup(overlay));
  const ourRules = rulesForState(ctx, cycle, new StateLookup(local.rows));
  const orgName = (id: string | null | undefined) => {
    if (id === null) return 'the Secretariat';
    if (id === undefined) return 'another organisation';
    return String(overlay.get('organisation')?.get(id)?.name ?? 'another organisation');
  };
  for (const item of items) {
    if (item.decision !== 'add' && item.decision !== 'take' && item.decision !== 'conflict') continue;
    const reason = problemWith(item, authority, theirRules, ourRules, orgName);
    if (reason) {
      item.refused = reason;
      item.outcome = 'none';
      item.conflict = null;
    }
  }
}

function ownerOf(register: ExchangeName, row: Row, rules: Map<ExchangeName, Rules>): string | null | undefined {
  try {
    return exchangeTable[register].rules.owner(row, rules.get(register));
  } catch (error) {
    if (error instanceof ServiceError) return undefined;
    throw error;
  }
}

function problemWith(
  item: PlanItem,
  authority: SenderAuthority,
  theirRules: Map<ExchangeName, Rules>,
  ourRules: Map<ExchangeName, Rules>,
  orgName: (id: string | null | undefined) => string,
): string | null {
  const noun = exchangeTable[item.register].noun.one;
  if (item.register === 'signatory') return `Who signs the plan is the Secretariat’s decision; ${authority.label} cannot change signatories.`;
  const theirOwner = item.theirs ? ownerOf(item.register, item.theirs, theirRules) : item.mine ? undefined : item.theirsTombstone?.ownerOrgId;
  const ourOwner = item.mine ? ownerOf(item.register, item.mine, ourRules) : item.mineTombstone ? item.mineTombstone.ownerOrgId : authority.orgId;
  const owner = item.theirs || !item.mine ? theirOwner : ourOwner;
  if (owner !== authority.orgId) return `This ${noun} belongs to ${orgName(owner)}; ${authority.label} may change only its own rows.`;
  if (ourOwner !== authority.orgId) return `This ${noun} belongs to ${orgName(ourOwner)} here; ${authority.label} may change only its own rows.`;
  return null;
}
