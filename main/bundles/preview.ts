import type { BundlePreviewDto, ConflictDto, FieldChangeDto } from '../../shared/api/schemas/bundles';
import { fieldLabel } from '../../shared/api/field-labels';
import { isRegisterName } from '../../shared/api/registers';
import type { Row } from '../db/row-store';
import type { AppContext } from '../services/context';
import { formatMoney } from '../../shared/money';
import { AREA_UNIT_NOUN } from './area-units';
import { WARD_BOUNDARIES_NOUN } from './ward-boundaries';
import { exchangeTable, exchangeTables, rowLabel, type ExchangeName } from './exchange-tables';
import { keysTrustedFor, ownPublicKey, trustedKeyFor } from './keys';
import type { CYCLE_FIELDS } from './plan-cycle';
import { cycleDifferences } from './plan-cycle';
import { conflictDetail, keptHere, mergeFieldsShown, type Show } from './merge-words';
import { differingFields } from './plan-items';
import type { PlanResult } from './plan';
import type { ImportPlan, PlanItem } from './plan-types';
import type { ParsedBundle } from './read';
import { plural } from './refusal';

/** Turns a plan (or a refusal) into what the preview screen and `pamoja bundle import` show. */

const LISTED_ADDS = 200;
const capital = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;

const emptyCounts = { adds: 0, changes: 0, deletions: 0, conflicts: 0, refused: 0, unchanged: 0 };

export function refusedPreview(message: string, problems: string[], parsed: ParsedBundle | null, ctx?: AppContext): BundlePreviewDto {
  return {
    status: 'refused',
    message,
    problems,
    bundle: parsed ? bundleInfo(parsed) : null,
    sender: parsed && ctx ? senderInfo(ctx, parsed) : null,
    warnings: [],
    createsCycle: false,
    counts: emptyCounts,
    addsByRegister: {},
    addsInWords: [],
    adds: [],
    changes: [],
    deletions: [],
    conflicts: [],
    refused: [],
  };
}

function bundleInfo(parsed: ParsedBundle): NonNullable<BundlePreviewDto['bundle']> {
  const m = parsed.manifest;
  return {
    bundleId: m.bundleId,
    kind: m.kind,
    formatVersion: m.formatVersion,
    appVersion: m.appVersion,
    cycleId: m.cycle.id,
    cycleTitle: m.cycle.title,
    countyName: m.cycle.countyName,
    partnerOrgName: m.partnerOrgName,
    createdAt: m.createdAt,
    counts: m.counts,
    personalData: m.personalData,
  };
}

function senderInfo(ctx: AppContext, parsed: ParsedBundle): NonNullable<BundlePreviewDto['sender']> {
  const s = parsed.manifest.sender;
  const isOwn = parsed.publicKey === ownPublicKey(ctx);
  const trusted = trustedKeyFor(ctx, parsed.manifest.cycle.id, parsed.publicKey);
  const trustedAs = trusted ? (trusted.role === 'secretariat' ? `the Secretariat (${trusted.label})` : trusted.label) : null;
  const replaces = isOwn || trusted ? [] : keysTrustedFor(ctx, parsed.manifest.cycle.id, s.role, s.orgId);
  return {
    installationId: s.installationId,
    role: s.role,
    orgId: s.orgId,
    orgName: s.orgName,
    fingerprint: parsed.fingerprint,
    trusted: isOwn || trusted !== undefined,
    trustedAs,
    isOwn,
    replaces: replaces.map(({ fingerprint, trustedAt, trustedBy }) => ({ fingerprint, trustedAt, trustedBy })),
  };
}

export function previewOf(ctx: AppContext, parsed: ParsedBundle, result: PlanResult): BundlePreviewDto {
  if (result.kind === 'refused') return refusedPreview(result.message, result.problems.length > 0 ? result.problems : [result.message], parsed, ctx);
  if (result.kind === 'own' || result.kind === 'untrusted') {
    return {
      ...refusedPreview(result.message, [result.message], parsed, ctx),
      status: result.kind === 'own' ? 'nothing' : 'untrusted',
      problems: result.kind === 'own' ? [] : [result.message],
    };
  }
  return planPreview(ctx, parsed, result.plan);
}

function planPreview(ctx: AppContext, parsed: ParsedBundle, plan: ImportPlan): BundlePreviewDto {
  const show = displayer(ctx, plan);
  const ref = (register: ExchangeName, id: string, row: Row) => ({
    register,
    registerLabel: exchangeTable[register].noun.one,
    id,
    label: rowLabel(register, row),
  });
  const live = plan.items.filter((item) => !item.refused);
  const added = live.filter((item) => item.outcome === 'write-theirs' && !item.mine && item.theirs);
  const changed = live.filter((item) => item.decision === 'take' && item.outcome === 'write-theirs' && item.mine && item.theirs);
  const visibleChanges = changed.filter((item) => differingFields(exchangeTable[item.register], item.mine as Row, item.theirs as Row).length > 0);
  const deleted = live.filter((item) => item.decision === 'take' && item.outcome === 'delete');
  const conflicted = live.filter((item) => item.conflict);
  const refused = plan.items.filter((item) => item.refused);
  const addsByRegister: Record<string, number> = {};
  const units = plan.areaUnits;
  const unitRef = (unit: Row) => ({ register: 'adminUnit', registerLabel: AREA_UNIT_NOUN.one, id: unit.id as string, label: String(unit.name) });
  if (units.adds.length > 0) addsByRegister.adminUnit = units.adds.length;
  if (plan.wardBoundaries.take) addsByRegister.wardBoundaries = 1;
  for (const item of added) addsByRegister[item.register] = (addsByRegister[item.register] ?? 0) + 1;

  const changes: BundlePreviewDto['changes'] = visibleChanges.map((item) => ({
    ...ref(item.register, item.id, item.theirs as Row),
    fields: differingFields(exchangeTable[item.register], item.mine as Row, item.theirs as Row).map((field) =>
      show(item.register, field, item.mine as Row, item.theirs as Row),
    ),
  }));
  // Rows both sides changed in different fields: merged with no question, listed as changes.
  for (const item of live) {
    const { theirs } = item;
    if (!theirs || item.conflict || !item.fieldMerges?.some((merge) => merge.changedBy === 'theirs')) continue;
    const fields = mergeFieldsShown(item, show);
    const keeps = keptHere(fields);
    changes.push({ ...ref(item.register, item.id, theirs), fields: fields.filter((f) => f.changedBy === 'theirs'), ...(keeps ? { keeps } : {}) });
  }
  for (const { mine, theirs } of units.renames) {
    changes.push({ ...unitRef(theirs), fields: [{ field: 'name', label: 'Name', mine: String(mine.name), theirs: String(theirs.name) }] });
  }
  const conflicts: ConflictDto[] = conflicted.map((item) => conflictOf(item, plan, show));
  const cycle = plan.cycleItem;
  const cycleRef = { register: 'cycle', registerLabel: 'JWP cycle', id: String(cycle?.theirs.id ?? ''), label: String(cycle?.theirs.title ?? '') };
  if (cycle && !cycle.refused && cycle.mine && cycle.decision === 'take') {
    const fields = cycleDifferences(cycle.mine, cycle.theirs).map((field) => cycleField(field, cycle.mine as Row, cycle.theirs));
    if (fields.length > 0) changes.unshift({ ...cycleRef, fields });
  }
  if (cycle?.conflict && !cycle.refused && cycle.mine) {
    const mine = cycle.mine;
    conflicts.unshift({
      ...cycleRef,
      key: `cycle:${cycleRef.id}`,
      kind: 'edited-both',
      fields: cycleDifferences(mine, cycle.theirs).map((field) => cycleField(field, mine, cycle.theirs)),
      recommended: cycle.conflict.recommended,
      reason:
        cycle.conflict.invalid ?? `The cycle’s details were changed both here and by ${plan.parsed.manifest.sender.orgName} since you last exchanged bundles.`,
    });
  }
  const refusedList: BundlePreviewDto['refused'] = refused.map((item) => ({
    ...ref(item.register, item.id, item.theirs ?? item.mine ?? { id: item.id }),
    reason: item.refused as string,
  }));
  if (cycle?.refused && cycle.decision !== 'same' && cycle.decision !== 'stale') refusedList.unshift({ ...cycleRef, reason: cycle.refused });
  for (const { unit, reason } of units.refused) refusedList.push({ ...unitRef(unit), reason });
  const boundaries = plan.parsed.wardBoundaries;
  if (plan.wardBoundaries.refused && boundaries)
    refusedList.push({
      register: 'wardBoundaries',
      registerLabel: WARD_BOUNDARIES_NOUN.one,
      id: String(boundaries.id),
      label: String(boundaries.source),
      reason: plan.wardBoundaries.refused,
    });

  const writes =
    live.some((item) => item.outcome !== 'none') ||
    (cycle !== null && !cycle.refused && cycle.outcome !== 'none') ||
    units.adds.length + units.renames.length > 0 ||
    plan.wardBoundaries.take !== null;
  const counts = {
    adds: added.length + units.adds.length + (plan.wardBoundaries.take ? 1 : 0),
    changes: changes.length,
    deletions: deleted.length,
    conflicts: conflicts.length,
    refused: refusedList.length,
    unchanged: live.filter((item) => item.decision === 'same' || item.decision === 'stale' || item.decision === 'converged').length,
  };
  const sender = plan.parsed.manifest.sender.orgName;
  const status = plan.unresolved > 0 ? 'conflicts' : writes ? 'ready' : 'nothing';
  const summary = [
    plural(counts.adds, 'row to add', 'rows to add'),
    plural(counts.changes, 'changed', 'changed'),
    plural(counts.deletions, 'deleted', 'deleted'),
  ];
  if (counts.conflicts > 0) summary.push(plural(counts.conflicts, 'conflict', 'conflicts'));
  if (counts.refused > 0) summary.push(plural(counts.refused, 'refused', 'refused'));
  const message =
    status === 'conflicts'
      ? `${plural(plan.unresolved, 'row was', 'rows were')} changed both here and by ${sender} since you last exchanged bundles: choose what to keep for each, then apply. (${summary.join(', ')}.)`
      : status === 'nothing'
        ? `Nothing to import: everything in this bundle from ${sender} is already here${counts.refused > 0 ? `, and ${plural(counts.refused, 'row was', 'rows were')} refused` : ''}.`
        : counts.adds + counts.changes + counts.deletions + counts.conflicts === 0 && !plan.createsCycle
          ? `Nothing in the plan changes, but applying records what ${sender} holds (deletions made there, revision marks), so later bundles merge cleanly.`
          : `${plan.createsCycle ? `This adds the cycle “${plan.parsed.manifest.cycle.title}” to this database. ` : ''}Ready to import from ${sender}: ${summary.join(', ')}.`;
  return {
    status,
    message,
    problems: [],
    bundle: bundleInfo(parsed),
    sender: senderInfo(ctx, parsed),
    warnings: plan.warnings,
    createsCycle: plan.createsCycle,
    counts,
    addsByRegister,
    addsInWords: Object.entries(addsByRegister).map(([register, n]) => {
      const noun =
        register === 'adminUnit' ? AREA_UNIT_NOUN : register === 'wardBoundaries' ? WARD_BOUNDARIES_NOUN : exchangeTable[register as ExchangeName].noun;
      return `${n} ${n === 1 ? noun.one : noun.many}`;
    }),
    adds: added.slice(0, LISTED_ADDS).map((item) => ref(item.register, item.id, item.theirs as Row)),
    changes,
    deletions: deleted.map((item) => ref(item.register, item.id, item.mine as Row)),
    conflicts,
    refused: refusedList,
  };
}

function conflictOf(item: PlanItem, plan: ImportPlan, show: Show): ConflictDto {
  const t = exchangeTable[item.register];
  const sender = plan.parsed.manifest.sender.orgName;
  const row = (item.theirs ?? item.mine) as Row;
  const kind = item.mineTombstone ? 'deleted-here' : item.theirsTombstone ? 'deleted-there' : 'edited-both';
  const fields = mergeFieldsShown(item, show);
  const reason =
    kind === 'deleted-here'
      ? `You deleted this ${t.noun.one} here, but ${sender} changed it.`
      : kind === 'deleted-there'
        ? `${sender} deleted this ${t.noun.one}, but it was changed here.`
        : `This ${t.noun.one} was changed both here and by ${sender} since you last exchanged bundles.${conflictDetail(fields, sender)}`;
  return {
    register: item.register,
    registerLabel: t.noun.one,
    id: item.id,
    label: rowLabel(item.register, row),
    key: item.key,
    kind,
    fields,
    recommended: item.conflict?.recommended ?? 'mine',
    reason: item.conflict?.invalid ?? reason,
  };
}

function cycleField(field: (typeof CYCLE_FIELDS)[number], mine: Row, theirs: Row): FieldChangeDto {
  return { field, label: fieldLabel(field), mine: mine[field], theirs: theirs[field] };
}

/** Field values as people read them: names for ids of organisations, objectives, wards. */
function displayer(ctx: AppContext, plan: ImportPlan): Show {
  // Built on first use: most imports of a large plan are all additions, with no field to show.
  let units: Map<string, string> | null = null;
  const name = (id: unknown) => {
    if (typeof id !== 'string') return id;
    for (const t of exchangeTables) {
      const row = plan.final.get(t.register)?.get(id) ?? plan.local.rows.get(t.register)?.get(id);
      if (row) return rowLabel(t.register, row);
    }
    units ??= new Map((ctx.db.$client.prepare('SELECT id, name FROM admin_units').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
    return units.get(id) ?? id;
  };
  // An amount alone does not say its currency: it is shown with its own row's.
  const money = (row: Row, amount: unknown) =>
    typeof amount === 'number' ? formatMoney({ amountMinor: amount, currency: row.currency === 'USD' ? 'USD' : 'KES' }) : amount;
  return (register, field, mine, theirs) => {
    const isRef = exchangeTable[register].references.some((r) => r.field === field);
    const value = (row: Row) => {
      const v = row[field];
      if (field === 'amountMinor') return money(row, v);
      return !isRef ? v : Array.isArray(v) ? v.map(name) : name(v);
    };
    return { field, label: capital(fieldLabel(field, isRegisterName(register) ? register : undefined)), mine: value(mine), theirs: value(theirs) };
  };
}
