import { and, eq } from 'drizzle-orm';
import type { Resolutions, ResolutionChoice, ResolutionDto } from '../../shared/api/schemas/bundles';
import { bundleImports, bundlePeers, bundleTrustedKeys, cycles } from '../db/schema';
import type { AppContext } from '../services/context';
import { readAllRows, readBases, readCycleRow, readPeerRows, readTombstones } from './cycle-rows';
import { exchangeTable, exchangeTables, rowLabel, type ExchangeName } from './exchange-tables';
import { ownPublicKey, trustedKeyFor } from './keys';
import { knownCountyWardIds, planAreaUnits } from './area-units';
import { planWardBoundaries } from './ward-boundaries';
import { clockRefusal } from './clock-check';
import { checkNaturalKeys, checkReferences, checkRules, checkSnapshot, finalState } from './plan-checks';
import { buildCycleItem, cycleRowOf, finalCycle, resolveCycleConflict } from './plan-cycle';
import { buildItems, resolveConflict, settleUnknownDeletions } from './plan-items';
import { checkOwnership } from './plan-ownership';
import type { ImportPlan, LocalState, SenderAuthority } from './plan-types';
import type { ParsedBundle } from './read';
import { revisionReader } from './row-revisions';
import { Problems } from './validate-rows';
import { speakerName } from '../../shared/domain/organisations';

export interface PlanOptions {
  resolutions: Resolutions;
  resolveAll: ResolutionChoice | null;
}

export type PlanResult =
  | { kind: 'plan'; plan: ImportPlan }
  | { kind: 'own'; message: string }
  | { kind: 'untrusted'; message: string }
  | { kind: 'refused'; message: string; problems: string[] };

const capital = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

/** A bundle that names this copy as its maker but is signed with another key. */
export const notFromHere = (fingerprint: string) =>
  `This bundle claims to come from this copy of Pamoja JWP, but it is signed with another key (fingerprint ${fingerprint}): it was not made here. It was refused; ask whoever sent it where it came from.`;

/** Whose key signed the bundle, and what that key may change here. */
function authorityOf(ctx: AppContext, parsed: ParsedBundle): PlanResult | SenderAuthority {
  const { manifest } = parsed;
  if (ownPublicKey(ctx) === parsed.publicKey) {
    return { kind: 'own', message: 'This bundle was made by this copy of Pamoja JWP, so everything in it is already here: importing it changes nothing.' };
  }
  // Anyone can write this copy's installation id into a manifest; only this copy's key proves it.
  if (manifest.sender.installationId === ctx.installationId) return { kind: 'refused', message: notFromHere(parsed.fingerprint), problems: [] };
  const trusted = trustedKeyFor(ctx, manifest.cycle.id, parsed.publicKey);
  const claim = speakerName(manifest.sender.orgName, manifest.sender.role);
  const cycleHere = ctx.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, manifest.cycle.id)).get();
  const trustedElsewhere = ctx.db
    .select({ cycleId: bundleTrustedKeys.cycleId })
    .from(bundleTrustedKeys)
    .where(eq(bundleTrustedKeys.publicKey, parsed.publicKey))
    .get();
  if (!trusted && !cycleHere && trustedElsewhere) {
    const known = ctx.db.select({ title: cycles.title }).from(cycles).where(eq(cycles.id, trustedElsewhere.cycleId)).get();
    return {
      kind: 'refused',
      message: `This bundle belongs to another cycle: “${manifest.cycle.title}” (${manifest.cycle.countyName}, FY ${manifest.cycle.fiscalYear}), which is not in this database. Its sender is trusted here for “${known?.title ?? 'another cycle'}” only.`,
      problems: [],
    };
  }
  if (!trusted) {
    return {
      kind: 'untrusted',
      message:
        `This bundle says it comes from ${claim}, signed with a key this copy does not trust yet (fingerprint ${parsed.fingerprint}). ` +
        `Phone ${manifest.sender.orgName} and ask them to read out their fingerprint from Pamoja JWP; if it is the same, choose “Trust this sender” ` +
        `(or run: pamoja keys trust --db FILE THIS-BUNDLE.jwpb), then import the bundle again.`,
    };
  }
  if (trusted.role !== manifest.sender.role || (trusted.role === 'partner' && trusted.orgId !== manifest.sender.orgId)) {
    return {
      kind: 'refused',
      message: `This bundle claims to come from ${claim}, but it is signed with the key you trusted for ${trusted.label}. It was refused.`,
      problems: [],
    };
  }
  return { role: trusted.role, orgId: trusted.role === 'partner' ? trusted.orgId : null, label: trusted.label };
}

function loadLocal(ctx: AppContext, parsed: ParsedBundle): LocalState {
  const client = ctx.db.$client;
  const cycleId = parsed.manifest.cycle.id;
  return {
    cycle: readCycleRow(client, cycleId),
    rows: readAllRows(client, cycleId),
    tombstones: readTombstones(client, cycleId),
    bases: readBases(client, cycleId),
    peerRows: readPeerRows(client, cycleId, parsed.manifest.sender.installationId),
    adminUnitIds: new Set(client.prepare('SELECT id FROM admin_units').pluck().all() as string[]),
    revisionAt: revisionReader(client, cycleId),
  };
}

/**
 * An id names one row of one table, in every copy: a row may not take the id of another table's row
 * (here or in the bundle), which would make a reference to one silently point at the other.
 */
function checkIdsAcrossTables(parsed: ParsedBundle, local: LocalState, problems: Problems): void {
  const tableOf = new Map<string, ExchangeName>();
  for (const t of exchangeTables) {
    for (const id of local.rows.get(t.register)?.keys() ?? []) tableOf.set(id, t.register);
    for (const id of local.tombstones.get(t.register)?.keys() ?? []) tableOf.set(id, t.register);
  }
  const claim = (register: ExchangeName, id: string) => {
    const other = tableOf.get(id);
    if (other !== undefined && other !== register) {
      problems.add(
        `The id ${id} is given to ${exchangeTable[register].noun.one} and to ${exchangeTable[other].noun.one}: no two rows share an id, so the bundle was not made by Pamoja JWP.`,
      );
    } else {
      tableOf.set(id, register);
    }
  };
  for (const t of exchangeTables) for (const row of parsed.rows.get(t.register) ?? []) claim(t.register, row.id as string);
  for (const tombstone of parsed.tombstones) claim(tombstone.register, tombstone.rowId);
}

/** References that point nowhere at all (not in the bundle, not here, not deleted anywhere): a broken file. */
function checkStructure(parsed: ParsedBundle, local: LocalState, problems: Problems): void {
  checkIdsAcrossTables(parsed, local, problems);
  const theirs = new Map(exchangeTables.map((t) => [t.register, new Set((parsed.rows.get(t.register) ?? []).map((row) => row.id as string))]));
  for (const tombstone of parsed.tombstones) theirs.get(tombstone.register)?.add(tombstone.rowId);
  const has = (register: ExchangeName, id: string) =>
    theirs.get(register)?.has(id) || local.rows.get(register)?.has(id) || local.tombstones.get(register)?.has(id) || false;
  for (const t of exchangeTables) {
    for (const row of parsed.rows.get(t.register) ?? []) {
      for (const ref of t.references) {
        const ids = ref.list ? (row[ref.field] as string[]) : [row[ref.field] as string | null];
        for (const id of ids) {
          if (id === null) continue;
          const exists = ref.target === 'adminUnit' ? local.adminUnitIds.has(id) : has(ref.target, id);
          if (!exists) {
            const noun = ref.target === 'adminUnit' ? 'ward or county' : exchangeTable[ref.target].noun.one;
            problems.add(`${capital(t.noun.one)} “${rowLabel(t.register, row)}” names ${noun} ${id}, which is neither in the bundle nor in this copy.`);
          }
        }
      }
    }
  }
  const cycle = parsed.cycle;
  if (cycle) {
    for (const unit of [cycle.countyId as string, ...(cycle.scopeUnitIds as string[])])
      if (!local.adminUnitIds.has(unit)) problems.add(`The cycle names the area ${unit}, which this copy does not have.`);
    if (cycle.leadOrgId !== null && !has('organisation', cycle.leadOrgId as string))
      problems.add('The cycle names a lead organisation that is neither in the bundle nor in this copy.');
  }
}

function choiceFor(options: PlanOptions, key: string): ResolutionDto | null {
  return Object.hasOwn(options.resolutions, key) ? (options.resolutions[key] ?? null) : options.resolveAll;
}

function warningsFor(ctx: AppContext, parsed: ParsedBundle): string[] {
  const warnings: string[] = [];
  const { manifest } = parsed;
  const peer = ctx.db
    .select()
    .from(bundlePeers)
    .where(and(eq(bundlePeers.cycleId, manifest.cycle.id), eq(bundlePeers.peerId, manifest.sender.installationId)))
    .get();
  if (peer && peer.lastClock > manifest.senderClock) {
    warnings.push(
      `This bundle is older than one already imported from ${manifest.sender.orgName} (imported ${peer.lastImportedAt.slice(0, 10)}): nothing in it will roll newer rows back.`,
    );
  }
  const again = ctx.db
    .select({ importedAt: bundleImports.importedAt, undoneAt: bundleImports.undoneAt })
    .from(bundleImports)
    .where(eq(bundleImports.bundleId, manifest.bundleId))
    .all()
    .find((row) => row.undoneAt === null);
  if (again) warnings.push(`This same bundle was already imported on ${again.importedAt.slice(0, 10)}.`);
  return warnings;
}

/** Everything an import would do, decided from the bundle and this copy, before anything is written. */
export function buildPlan(ctx: AppContext, parsed: ParsedBundle, options: PlanOptions): PlanResult {
  const authority = authorityOf(ctx, parsed);
  if ('kind' in authority) return authority;
  const clock = clockRefusal(parsed, ctx.now().getTime());
  if (clock) return { kind: 'refused', message: clock, problems: [] };
  const { manifest } = parsed;
  const local = loadLocal(ctx, parsed);
  if (local.cycle && local.cycle.countyId !== manifest.cycle.countyId) {
    return {
      kind: 'refused',
      message: `This bundle is for ${manifest.cycle.countyName} County, but the cycle “${String(local.cycle.title)}” here is another county’s. It was refused.`,
      problems: [],
    };
  }
  const createsCycle = !local.cycle;
  if (createsCycle && (authority.role !== 'secretariat' || !parsed.cycle)) {
    return {
      kind: 'refused',
      message: `This bundle belongs to the cycle “${manifest.cycle.title}” (${manifest.cycle.countyName}, FY ${manifest.cycle.fiscalYear}), which is not in this database. A partner’s bundle can only update a cycle you already have.`,
      problems: [],
    };
  }
  const areaUnits = planAreaUnits(ctx.db.$client, parsed.areaUnits, manifest.cycle.countyId, authority);
  for (const unit of areaUnits.adds) local.adminUnitIds.add(unit.id as string);
  const problems = new Problems();
  checkStructure(parsed, local, problems);
  if (problems.count > 0) return { kind: 'refused', message: `The bundle’s rows do not fit together: ${problems.list[0]}`, problems: problems.list };
  const warnings = warningsFor(ctx, parsed);
  const countyWards = new Set(knownCountyWardIds(ctx.db.$client, manifest.cycle.countyId));
  for (const id of areaUnits.addedWardIds) countyWards.add(id);
  const wardBoundaries = planWardBoundaries(ctx.db.$client, parsed.wardBoundaries, authority, countyWards, problems, warnings);

  const items = buildItems({ parsed, local, me: ctx.installationId });
  settleUnknownDeletions(items, authority.role === 'partner');
  const cycleItem = parsed.cycle ? buildCycleItem(parsed.cycle, local, ctx.installationId, manifest.sender.installationId, authority) : null;
  const cycleForChecks = () => finalCycle(cycleItem, local);
  if (cycleItem?.conflict) resolveCycleConflict(cycleItem, choiceFor(options, `cycle:${manifest.cycle.id}`));
  // A partner's key never reaches here without the cycle already in this copy.
  if (authority.role === 'partner') checkOwnership(ctx, finalCycle(null, local), authority, items, local, parsed);
  for (const item of items) if (!item.refused && (item.conflict || item.fieldMerges)) resolveConflict(item, choiceFor(options, item.key));
  const final = finalState(local, items);
  checkNaturalKeys(items, final);
  checkReferences(items, final, local);
  const owners = checkRules(ctx, cycleForChecks(), items, final, problems, areaUnits.addedWardIds);
  checkSnapshot(ctx, parsed.cycle ? cycleRowOf(parsed.cycle) : cycleForChecks(), items, parsed, local, problems, areaUnits.addedWardIds);
  if (problems.count > 0)
    return { kind: 'refused', message: `The bundle holds data Pamoja JWP would not accept: ${problems.list[0]}`, problems: problems.list };
  const merged = cycleItem?.outcome === 'merge' ? cycleItem.merged : null;
  if (cycleItem?.conflict && merged && (merged.endDate as string) < (merged.startDate as string))
    cycleItem.conflict.invalid = 'The cycle: your choices put the end date before the start date.';
  const conflicts = [...items.map((item) => (item.refused ? null : item.conflict)), cycleItem?.conflict ?? null].filter((c) => c !== null);
  const unresolved = conflicts.filter((conflict) => conflict.choice === null || conflict.invalid !== null).length;
  const plan: ImportPlan = {
    parsed,
    authority,
    createsCycle,
    local,
    areaUnits,
    wardBoundaries,
    items,
    cycleItem,
    final,
    owners,
    unresolved,
    warnings,
  };
  return { kind: 'plan', plan };
}
