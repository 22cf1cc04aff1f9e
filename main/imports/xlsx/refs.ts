import type { CycleDto } from '../../../shared/api/schemas/cycle';
import type { ContributionDto } from '../../../shared/api/schemas/budget';
import type { IndicatorDto } from '../../../shared/api/schemas/monitoring';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import type { ActivityDto, ObjectiveDto } from '../../../shared/api/schemas/plan';
import { reportingPeriods } from '../../../shared/reporting-periods';
import { budgetLineLabel, codeLabel } from '../../exports/xlsx/cycle-data';
import { listAdminUnits } from '../../services/admin-units';
import type { AppContext } from '../../services/context';
import { registerServices as s } from '../../services/index';
import { closestName } from '../../../shared/closest-name';
import { matchKey, parseText, shown, type CellValue, type Parsed } from './cells';

/** Names people type for rows of other registers, resolved to ids; and ids back to names for the preview. */
export interface Refs {
  objective(cell: CellValue): Parsed<string | null>;
  activity(cell: CellValue): Parsed<string | null>;
  /** An indicator's link: an activity's code (or label), else an objective's, as `activity:<id>` or `objective:<id>`. */
  activityOrObjective(cell: CellValue): Parsed<string | null>;
  indicator(cell: CellValue): Parsed<string | null>;
  contribution(cell: CellValue): Parsed<string | null>;
  period(cell: CellValue): Parsed<string | null>;
  wards(cell: CellValue): Parsed<string[]>;
  organisations(cell: CellValue): Parsed<string[]>;
  objectives: Map<string, ObjectiveDto>;
  activities: Map<string, ActivityDto>;
  indicators: Map<string, IndicatorDto>;
  contributions: Map<string, ContributionDto>;
  organisationsById: Map<string, OrganisationDto>;
  wardName(id: string): string;
  budgetLineName(id: string): string;
  periodLabel(key: string): string;
}

const MAX_GUESSES = 200;

/** An index from what people type (a label, a code or the text alone) to ids. */
class NameIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly byLiteral = new Map<string, Set<string>>();
  private readonly names = new Set<string>();
  /** The most list pieces one name splits into ("Kenya Red Cross, Isiolo Branch" is 2): longer runs are never tried. */
  maxPieces = 1;
  /** Guesses made so far: a file of 20,000 unknown names gets the plain hint after the first few hundred. */
  private guesses = 0;

  add(id: string, ...names: string[]): void {
    for (const name of names) {
      this.names.add(name);
      this.maxPieces = Math.max(this.maxPieces, listPieces(name).length);
      const key = matchKey(name);
      if (!key) continue;
      for (const [map, k] of [
        [this.byKey, key],
        [this.byLiteral, literalKey(name)],
      ] as const) {
        const ids = map.get(k) ?? new Set();
        ids.add(id);
        map.set(k, ids);
      }
    }
  }

  /** What each text looked up found: a sheet names the same few organisations thousands of times. */
  private readonly found = new Map<string, readonly string[]>();
  private readonly foundLiteral = new Map<string, readonly string[]>();

  find(text: string): readonly string[] {
    let ids = this.found.get(text);
    if (!ids) {
      ids = [...(this.byKey.get(matchKey(text)) ?? [])];
      this.found.set(text, ids);
    }
    return ids;
  }

  /** A name written with its own punctuation: "Kenya Red Cross, Isiolo Branch" is not "Dukana (North Horr)". */
  findLiteral(text: string): readonly string[] {
    let ids = this.foundLiteral.get(text);
    if (!ids) {
      ids = [...(this.byLiteral.get(literalKey(text)) ?? [])];
      this.foundLiteral.set(text, ids);
    }
    return ids;
  }

  /** ` Did you mean "…"?` when one name is a slip away from what was typed, else the fallback hint. */
  hint(text: string, fallback: string): string {
    if (++this.guesses > MAX_GUESSES) return fallback;
    const closest = closestName(text, this.names);
    return closest === null ? fallback : ` Did you mean "${closest}"?`;
  }
}

/** Case and spacing ignored, punctuation kept: how a name holding a comma is recognised in a list. */
function literalKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim();
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');

/** The ids a typed name or label matches: "A1.2 - Some title" typed with a different title still names A1.2 by its code. */
function idsNamed(index: NameIndex, text: string): readonly string[] {
  const ids = index.find(text);
  if (ids.length > 0) return ids;
  const code = /^(\S+)\s+[-–—]\s+/.exec(text)?.[1];
  return code ? index.find(code) : ids;
}

function lookup(index: NameIndex, raw: CellValue, noun: string, where: string): Parsed<string | null> {
  const text = parseText(raw);
  if (!text.ok) return text;
  if (text.value === '') return { ok: true, value: null };
  const ids = idsNamed(index, text.value);
  const [id] = ids;
  if (id !== undefined && ids.length === 1) return { ok: true, value: id };
  if (ids.length > 1) return { ok: false, message: `${shown(raw)} matches ${ids.length} ${noun}s; write it with its code.` };
  return {
    ok: false,
    message: `${shown(raw)} is not ${article(noun)} ${noun} of ${where}.${index.hint(text.value, ` Write it as the plan does, e.g. its code.`)}`,
  };
}

/** A list cell's pieces: names separated by commas, semicolons or new lines. */
function listPieces(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((piece) => piece.trim())
    .filter(Boolean);
}

/**
 * Splits "CGI-WEC, Maji Safi Drylands Trust" (commas, semicolons or new lines) into names,
 * re-joining pieces when a name itself holds a comma ("Kenya Red Cross, Isiolo Branch").
 */
function lookupList(index: NameIndex, raw: CellValue, noun: string, where: string): Parsed<string[]> {
  const text = parseText(raw);
  if (!text.ok) return text;
  const pieces = listPieces(text.value);
  const ids: string[] = [];
  for (let start = 0; start < pieces.length;) {
    let matched = false;
    for (let end = Math.min(pieces.length, start + index.maxPieces); end > start; end--) {
      // Pieces re-joined only for a name that itself holds a comma, written with it: matching them
      // loosely would read "Dukana, North Horr" as the one ward "Dukana (North Horr)".
      const name = pieces.slice(start, end).join(', ');
      const found = end - start > 1 ? index.findLiteral(name) : index.find(name);
      const [id] = found;
      if (id !== undefined && found.length === 1) {
        if (!ids.includes(id)) ids.push(id);
        start = end;
        matched = true;
        break;
      }
      if (found.length > 1 && end === start + 1) {
        return { ok: false, message: `"${pieces[start]}" matches ${found.length} ${noun}s of ${where}; write it in full, as the plan does.` };
      }
    }
    if (!matched)
      return {
        ok: false,
        message: `"${pieces[start]}" is not ${article(noun)} ${noun} of ${where}.${index.hint(pieces[start] ?? '', ` Write ${noun} names as the plan does, separated by commas.`)}`,
      };
  }
  return { ok: true, value: ids };
}

/** Reads the cycle's reference rows now (inside the import's transaction, so rows just added count). */
export function loadRefs(ctx: AppContext, cycle: CycleDto): Refs {
  const byCycle = { cycleId: cycle.id };
  // Each list is read when first needed: a sheet of activities never asks for the 20,000 budget lines' activities twice.
  const lazy = <T>(load: () => T) => {
    let value: T | undefined;
    return () => (value ??= load());
  };
  const organisations = lazy(() => s.organisation.list(ctx, byCycle));
  const objectives = lazy(() => s.objective.list(ctx, byCycle));
  const activities = lazy(() => s.activity.list(ctx, byCycle));
  const indicators = lazy(() => s.indicator.list(ctx, byCycle));
  const contributions = lazy(() => s.contribution.list(ctx, byCycle));
  const units = lazy(() => listAdminUnits(ctx, { withinId: cycle.countyId }));
  const wards = lazy(() => units().filter((u) => u.level === 'ward'));
  const periods = reportingPeriods(cycle);

  const objectiveIndex = lazy(() => {
    const index = new NameIndex();
    for (const o of objectives()) index.add(o.id, codeLabel(o.code, o.statement), o.code, o.statement);
    return index;
  });
  const activityIndex = lazy(() => {
    const index = new NameIndex();
    for (const a of activities()) index.add(a.id, codeLabel(a.code, a.title), a.code, a.title);
    return index;
  });
  const indicatorIndex = lazy(() => {
    const index = new NameIndex();
    for (const i of indicators()) index.add(i.id, codeLabel(i.code, i.name), i.code, i.name);
    return index;
  });
  const budgetLineName = (line: ContributionDto) => budgetLineLabel(line.component, activitiesById().get(line.activityId ?? ''));
  const budgetLineIndex = lazy(() => {
    const index = new NameIndex();
    for (const c of contributions()) index.add(c.id, budgetLineName(c));
    return index;
  });
  const orgIndex = lazy(() => {
    const index = new NameIndex();
    for (const o of organisations()) index.add(o.id, o.name, o.shortName);
    return index;
  });
  const wardIndex = lazy(() => {
    const subCounties = new Map(
      units()
        .filter((u) => u.level === 'sub_county')
        .map((u) => [u.id, u.name]),
    );
    const index = new NameIndex();
    for (const w of wards()) index.add(w.id, w.name, `${w.name} ward`, `${w.name} (${subCounties.get(w.parentId ?? '') ?? ''})`);
    return index;
  });
  const periodIndex = new NameIndex();
  for (const p of periods) periodIndex.add(p.key, p.key, p.label);
  const byId = <T extends { id: string }>(rows: () => T[]) => lazy(() => new Map(rows().map((row) => [row.id, row])));
  const objectivesById = byId(objectives);
  const activitiesById = byId(activities);
  const indicatorsById = byId(indicators);
  const contributionsById = byId(contributions);
  const organisationsById = byId(organisations);
  const wardNames = lazy(() => new Map(wards().map((w) => [w.id, w.name])));
  const county = `${cycle.countyName} County`;
  return {
    objective: (cell) => lookup(objectiveIndex(), cell, 'objective', 'this cycle'),
    activity: (cell) => lookup(activityIndex(), cell, 'activity', 'this cycle'),
    activityOrObjective: (cell) => {
      const text = parseText(cell);
      if (!text.ok || text.value === '') return text.ok ? { ok: true, value: null } : text;
      // Looked up quietly first: most indicators name one or the other, and a miss is no mistake yet.
      const [activity, ...more] = idsNamed(activityIndex(), text.value);
      if (activity !== undefined && more.length === 0) return { ok: true, value: `activity:${activity}` };
      const [objective, ...others] = idsNamed(objectiveIndex(), text.value);
      if (objective !== undefined && others.length === 0) return { ok: true, value: `objective:${objective}` };
      return { ok: false, message: `${shown(cell)} is neither an activity nor an objective of this cycle; give the code of one.` };
    },
    indicator: (cell) => lookup(indicatorIndex(), cell, 'indicator', 'this cycle'),
    contribution: (cell) => lookup(budgetLineIndex(), cell, 'budget line', 'this cycle'),
    period: (cell) => lookup(periodIndex, cell, 'reporting period', `this cycle (${periods.map((p) => p.label).join(', ')})`),
    wards: (cell) => lookupList(wardIndex(), cell, 'ward', county),
    organisations: (cell) => lookupList(orgIndex(), cell, 'organisation', 'this cycle'),
    get objectives() {
      return objectivesById();
    },
    get activities() {
      return activitiesById();
    },
    get indicators() {
      return indicatorsById();
    },
    get contributions() {
      return contributionsById();
    },
    get organisationsById() {
      return organisationsById();
    },
    wardName: (id) => wardNames().get(id) ?? id,
    budgetLineName: (id) => {
      const line = contributionsById().get(id);
      return line ? budgetLineName(line) : id;
    },
    periodLabel: (key) => periods.find((p) => p.key === key)?.label ?? key,
  };
}
