import { dayNumber, formatDisplayDate } from '../dates';
import { sectors } from '../domain/vocabulary';
import type { ActivityDto } from '../api/schemas/plan';
import type { OverlapDecisionDto, OverlapPairDto, OverlapReportDto } from '../api/schemas/analysis/overlaps';
import { jaccardOfSorted, tokens } from './text-similarity';

/** The fields of an activity the overlap rule reads. */
export const overlapActivityFields = [
  'id',
  'code',
  'title',
  'description',
  'sector',
  'leadOrgId',
  'wardIds',
  'startDate',
  'endDate',
  'status',
] as const satisfies readonly (keyof ActivityDto)[];
export type OverlapActivity = Pick<ActivityDto, (typeof overlapActivityFields)[number]>;

export interface OverlapNames {
  orgName(id: string): string;
  wardName(id: string): string;
}

/** The pair key: the two ids in order, so (a, b) and (b, a) are one pair. */
/** A pair of activities in id order, as its decision is stored: A–B and B–A are one pair. */
export function pairOf(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/**
 * The score of a flagged pair, 0–100:
 *
 *   score = round(100 × (0.35 × W + 0.35 × T + 0.30 × S))
 *
 *   W = shared wards ÷ wards of the activity with fewer wards     (1 = one lies wholly in the other's wards)
 *   T = days both run ÷ days of the shorter activity              (1 = one runs wholly inside the other)
 *   S = max(Jaccard of title words, Jaccard of title + description words)   (shared/analysis/text-similarity.ts)
 *
 * Every flagged pair already shares a sector, a ward and at least one day, so the score only ranks
 * how likely the pair is to be the same work: high ≥ 60, medium ≥ 40, low below.
 */
export const OVERLAP_WEIGHTS = { wards: 0.35, time: 0.35, text: 0.3 } as const;
export const OVERLAP_LEVELS = { high: 60, medium: 40 } as const;

export function overlapScore(wardShare: number, timeShare: number, textSimilarity: number): number {
  const raw = 100 * (OVERLAP_WEIGHTS.wards * wardShare + OVERLAP_WEIGHTS.time * timeShare + OVERLAP_WEIGHTS.text * textSimilarity);
  // Trim float noise first, so 70.5 (not 70.4999…) rounds half up to 71, as by hand.
  return Math.round(Math.round(raw * 1e6) / 1e6);
}

export function overlapLevel(score: number): OverlapPairDto['level'] {
  return score >= OVERLAP_LEVELS.high ? 'high' : score >= OVERLAP_LEVELS.medium ? 'medium' : 'low';
}

/** What the sweep reads of an activity. */
interface Swept {
  activity: OverlapActivity;
  /** Sorted, without repeats: the first ward both share is the bucket that reports the pair. */
  wardList: string[];
  wards: Set<string>;
  /** Day numbers (days since 1970-01-01), so the sweep compares integers, not date strings. */
  startDay: number;
  endDay: number;
}

/** An activity as the overlap rule reads it: its words, its reference in a pair, its place in the input. */
export interface PreparedActivity extends Swept {
  /** The title's words (text-similarity.ts `tokens`), each as its number in this detection, sorted. */
  titleWords: Int32Array;
  /** The words of the title and description together, the same way. */
  allWords: Int32Array;
  ref: OverlapPairDto['activityA'];
  /** Position in the input: a cheap, deterministic tie-break when scores are equal. */
  ordinal: number;
}

/** Cancelled activities are ignored; one with no ward cannot share one; one ending before it starts has no days. */
const canOverlap = (activity: OverlapActivity) => activity.status !== 'cancelled' && activity.wardIds.length > 0 && activity.endDate >= activity.startDate;

function swept(activity: OverlapActivity): Swept {
  const wardList = [...new Set(activity.wardIds)].sort();
  return { activity, wardList, wards: new Set(wardList), startDay: dayNumber(activity.startDate), endDay: dayNumber(activity.endDate) };
}

/**
 * Calls `visit` once for every flagged pair (the rule is findOverlaps'). Activities are bucketed by
 * sector and ward and each bucket is swept in start-date order, so only pairs that already share a
 * sector, a ward and some days are ever compared — never all n² pairs.
 */
function sweepPairs<T extends Swept>(items: readonly T[], visit: (a: T, b: T) => void): void {
  // Found by sector, then ward (no key text to build for each activity's every ward), and swept in
  // the order the buckets were first filled.
  const bySector = new Map<string, Map<string, T[]>>();
  const buckets: { ward: string; bucket: T[] }[] = [];
  for (const item of items) {
    let byWard = bySector.get(item.activity.sector);
    if (!byWard) bySector.set(item.activity.sector, (byWard = new Map()));
    for (const ward of item.wardList) {
      const bucket = byWard.get(ward);
      if (bucket) bucket.push(item);
      else {
        const created = [item];
        byWard.set(ward, created);
        buckets.push({ ward, bucket: created });
      }
    }
  }
  for (const { ward, bucket } of buckets) {
    bucket.sort((x, y) => x.startDay - y.startDay);
    // Indexed loops: an iterator's [index, item] pairs are garbage, and a large plan sweeps 100,000 pairs.
    for (let i = 0; i < bucket.length; i++) {
      const a = bucket[i];
      if (!a) break;
      for (let j = i + 1; j < bucket.length; j++) {
        const b = bucket[j];
        if (!b) break;
        // Sorted by start: once b starts after a ends, no later activity can overlap a either.
        if (b.startDay > a.endDay) break;
        if (a.activity.leadOrgId === b.activity.leadOrgId) continue;
        // A pair sharing several wards sits in several buckets: report it from its first shared ward only.
        if (firstShared(a, b) !== ward) continue;
        visit(a, b);
      }
    }
  }
}

/**
 * A flagged pair, scored but not yet described: scoring every pair of a large plan is cheap, while
 * writing each one's reason and shared-ward lists is most of the work, so only the pairs a person
 * is shown are described (`ScoredOverlaps.describe`). The two activities are in plan order.
 */
export interface ScoredPair {
  activityA: OverlapPairDto['activityA'];
  activityB: OverlapPairDto['activityB'];
  sector: OverlapPairDto['sector'];
  score: number;
  /** Rounded to three decimals, as the pair's DTO gives it. */
  textSimilarity: number;
  /** The activities as the sweep prepared them, for `describe`. */
  a: PreparedActivity;
  b: PreparedActivity;
}

/**
 * Every flagged pair of a plan, highest score first, each kept as one number until it is asked
 * for: a large plan flags tens of thousands of pairs, and an object for each, let alone a
 * description, is most of the cost of finding them (the garbage collector's, mostly). The number
 * sorts the pairs as they are listed and holds everything needed to rebuild the pair:
 *
 *   key = (((100 − score) × n + first) × n + second) × 1001 + similarity in thousandths
 *
 * where first < second are the two activities' positions in the input of n activities: score from
 * high to low, then input order. A whole number below 101 × 1001 × n², exact in a double for any
 * plan under 298,000 activities.
 */
export class ScoredOverlaps {
  private readonly keys: Float64Array;

  constructor(
    keys: readonly number[],
    /** The prepared activities by their position in the input (cancelled and wardless ones absent). */
    private readonly byOrdinal: readonly (PreparedActivity | undefined)[],
    readonly describe: (pair: ScoredPair) => OverlapPairDto,
  ) {
    this.keys = Float64Array.from(keys).sort();
  }

  /** How many pairs are flagged. */
  get count(): number {
    return this.keys.length;
  }

  /** The two activities of the index-th pair, in input order. */
  activitiesAt(index: number): [PreparedActivity, PreparedActivity] {
    const n = this.byOrdinal.length;
    let key = this.keys[index] ?? 0;
    key = (key - (key % SIMILARITY_STEPS)) / SIMILARITY_STEPS;
    const second = key % n;
    const first = ((key - second) / n) % n;
    const a = this.byOrdinal[first];
    const b = this.byOrdinal[second];
    if (!a || !b) throw new Error(`Flagged pair ${index} names an activity that was not prepared.`);
    return [a, b];
  }

  /** The index-th pair, highest score first. */
  pairAt(index: number): ScoredPair {
    const key = this.keys[index] ?? 0;
    const n = this.byOrdinal.length;
    const score = 100 - Math.floor(key / SIMILARITY_STEPS / n / n);
    const [x, y] = this.activitiesAt(index);
    // Shown in plan order (start date, then code); the key stays in id order.
    const inOrder = x.startDay < y.startDay || (x.startDay === y.startDay && x.activity.code <= y.activity.code);
    const a = inOrder ? x : y;
    const b = inOrder ? y : x;
    return { activityA: a.ref, activityB: b.ref, sector: a.activity.sector, score, textSimilarity: (key % SIMILARITY_STEPS) / 1000, a, b };
  }

  /** Every flagged pair, highest score first. */
  all(): ScoredPair[] {
    return Array.from({ length: this.count }, (_, index) => this.pairAt(index));
  }
}

/** Thousandths of text similarity, 0–1000, as the pair's DTO rounds it. */
const SIMILARITY_STEPS = 1001;
const MAX_ACTIVITIES = Math.floor(Math.sqrt(Number.MAX_SAFE_INTEGER / 101 / SIMILARITY_STEPS));

/**
 * Pairs of activities that are likely to duplicate each other: led by different organisations, in
 * the same sector, sharing at least one ward, with dates that overlap by at least one day (dates
 * are inclusive, so one ending on 31 Oct and one starting on 31 Oct overlap; one ending on 30 Oct
 * and one starting on 31 Oct only touch and are not flagged). Cancelled activities are ignored;
 * an activity with no ward cannot share one and is never flagged. Cost: see sweepPairs.
 *
 * Highest score first; equal scores in the order of the activities in the input.
 */
export function scoreOverlaps(activities: readonly OverlapActivity[], names: OverlapNames): ScoredOverlaps {
  const n = activities.length;
  if (n > MAX_ACTIVITIES) throw new Error(`Overlap detection handles up to ${MAX_ACTIVITIES} activities; this plan has ${n}.`);
  const byOrdinal = new Array<PreparedActivity | undefined>(n).fill(undefined);
  const prepared: PreparedActivity[] = [];
  // Every distinct word gets a number, so a pair's words are compared as sorted numbers (jaccardOfSorted).
  const wordNumbers = new Map<string, number>();
  const numbered = (words: Set<string>): Int32Array => {
    const out = new Int32Array(words.size);
    let index = 0;
    for (const word of words) {
      let number = wordNumbers.get(word);
      if (number === undefined) wordNumbers.set(word, (number = wordNumbers.size));
      out[index++] = number;
    }
    return out.sort();
  };
  for (let ordinal = 0; ordinal < n; ordinal++) {
    const activity = activities[ordinal];
    if (!activity || !canOverlap(activity)) continue;
    const titleSet = tokens(activity.title);
    const allSet = tokens(activity.description);
    for (const word of titleSet) allSet.add(word);
    const titleWords = numbered(titleSet);
    const allWords = numbered(allSet);
    const wardList = [...new Set(activity.wardIds)].sort();
    const item: PreparedActivity = {
      activity,
      wardList,
      wards: new Set(wardList),
      startDay: dayNumber(activity.startDate),
      endDay: dayNumber(activity.endDate),
      titleWords,
      allWords,
      ref: {
        id: activity.id,
        code: activity.code,
        title: activity.title,
        leadOrgId: activity.leadOrgId,
        leadOrgName: names.orgName(activity.leadOrgId),
        startDate: activity.startDate,
        endDate: activity.endDate,
        wardIds: activity.wardIds,
      },
      ordinal,
    };
    prepared.push(item);
    byOrdinal[ordinal] = item;
  }

  const keys: number[] = [];
  sweepPairs(prepared, (x, y) => {
    const { score, textSimilarity } = shares(x, y);
    const first = Math.min(x.ordinal, y.ordinal);
    const second = Math.max(x.ordinal, y.ordinal);
    keys.push((((100 - score) * n + first) * n + second) * SIMILARITY_STEPS + Math.round(textSimilarity * 1000));
  });
  return new ScoredOverlaps(keys, byOrdinal, describer(names));
}

/** Every flagged pair, described, highest score first (see scoreOverlaps). */
export function findOverlaps(activities: readonly OverlapActivity[], names: OverlapNames): OverlapPairDto[] {
  const scored = scoreOverlaps(activities, names);
  return scored.all().map(scored.describe);
}

/** The figures of the score (see overlapScore), from the two activities in plan order. */
function shares(a: PreparedActivity, b: PreparedActivity) {
  let sharedWards = 0;
  for (const ward of a.wardList) if (b.wards.has(ward)) sharedWards++;
  const overlapDays = Math.min(a.endDay, b.endDay) - Math.max(a.startDay, b.startDay) + 1;
  const wardShare = sharedWards / Math.min(a.wardList.length, b.wardList.length);
  const timeShare = overlapDays / Math.min(a.endDay - a.startDay + 1, b.endDay - b.startDay + 1);
  const textSimilarity = Math.max(jaccardOfSorted(a.titleWords, b.titleWords), jaccardOfSorted(a.allWords, b.allWords));
  return { overlapDays, textSimilarity, score: overlapScore(wardShare, timeShare, textSimilarity) };
}

export interface OverlapCounts {
  /** Flagged pairs in all. */
  pairs: number;
  /** Flagged pairs sharing each ward (a pair sharing two wards counts in both). */
  byWard: Map<string, number>;
}

/**
 * How many pairs findOverlaps would flag, in all and by shared ward, leaving out the pairs whose
 * key is in `skipKeys` (marked complementary): what the ward map shades and prints, without
 * describing every pair — scoring and wording tens of thousands of pairs is most of findOverlaps'
 * time on a large plan.
 */
export function countOverlaps(activities: readonly OverlapActivity[], skipKeys: ReadonlySet<string>): OverlapCounts {
  const counts: OverlapCounts = { pairs: 0, byWard: new Map() };
  sweepPairs(activities.filter(canOverlap).map(swept), (a, b) => {
    if (skipKeys.size > 0 && skipKeys.has(pairKey(a.activity.id, b.activity.id))) return;
    counts.pairs++;
    for (const ward of a.wardList) if (b.wards.has(ward)) counts.byWard.set(ward, (counts.byWard.get(ward) ?? 0) + 1);
  });
  return counts;
}

function firstShared(a: Swept, b: Swept): string | undefined {
  const small = a.wardList.length <= b.wardList.length ? a : b;
  const large = small === a ? b : a;
  for (const id of small.wardList) if (large.wards.has(id)) return id;
  return undefined;
}

/** Builds each pair's DTO; date and sector labels are memoised, since thousands of pairs share them. */
function describer(names: OverlapNames) {
  const memo = <T>(make: (key: string) => T) => {
    const cache = new Map<string, T>();
    return (key: string): T => {
      let value = cache.get(key);
      if (value === undefined) cache.set(key, (value = make(key)));
      return value;
    };
  };
  const displayDate = memo(formatDisplayDate);
  const wardName = memo(names.wardName);
  const sectorLabel = memo((key) => (sectors.has(key) ? sectors.label(key) : key));
  // Most pairs share exactly one ward: they share its (read-only) one-item lists instead of new ones.
  const oneWard = memo((id) => ({ ids: [id], names: [names.wardName(id)] }));

  return ({ a, b, score }: ScoredPair): OverlapPairDto => {
    const only = a.wardList.length === 1 ? a.wardList[0] : b.wardList.length === 1 ? b.wardList[0] : undefined;
    const single = only === undefined ? undefined : oneWard(only);
    const shared = single ? single.ids : a.wardList.filter((id) => b.wards.has(id));
    const overlapStart = a.startDay > b.startDay ? a.activity.startDate : b.activity.startDate;
    const overlapEnd = a.endDay < b.endDay ? a.activity.endDate : b.activity.endDate;
    const { overlapDays, textSimilarity } = shares(a, b);
    const sharedWardNames = single ? single.names : shared.map(wardName);
    const reason = [
      'Both ',
      sectorLabel(a.activity.sector),
      ' in ',
      listNames(sharedWardNames),
      ', led by ',
      a.ref.leadOrgName,
      ' and ',
      b.ref.leadOrgName,
      '; dates overlap ',
      overlapDays,
      overlapDays === 1 ? ' day (' : ' days (',
      displayDate(overlapStart),
      ' – ',
      displayDate(overlapEnd),
      '); titles and descriptions ',
      Math.round(textSimilarity * 100),
      ' % alike.',
    ].join('');
    return {
      key: pairKey(a.activity.id, b.activity.id),
      activityA: a.ref,
      activityB: b.ref,
      sector: a.activity.sector,
      sharedWardIds: shared,
      sharedWardNames,
      overlapStart,
      overlapEnd,
      overlapDays,
      textSimilarity: Math.round(textSimilarity * 1000) / 1000,
      score,
      level: overlapLevel(score),
      reason,
    };
  };
}

function listNames(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The flagged pairs split into those still to look at (their indexes in `scored`, highest score
 * first) and those marked complementary, with their decisions.
 */
export function splitByDecisions(
  scored: ScoredOverlaps,
  decisions: readonly OverlapDecisionDto[],
): { open: number[]; complementary: { pair: ScoredPair; decision: OverlapDecisionDto }[] } {
  // A loop, not Array.from with a callback: a large plan flags tens of thousands of pairs.
  const open: number[] = [];
  for (let index = 0; index < scored.count; index++) open.push(index);
  if (decisions.length === 0) return { open, complementary: [] };
  // Looked up by the two activity ids, not by the pair's key: each id is one string shared by all
  // of its activity's pairs, while each key is text of its own to hash, tens of thousands of them.
  const byPair = new Map<string, Map<string, OverlapDecisionDto>>();
  for (const decision of decisions) {
    const [first, second] = pairOf(decision.activityAId, decision.activityBId);
    let bySecond = byPair.get(first);
    if (!bySecond) byPair.set(first, (bySecond = new Map()));
    bySecond.set(second, decision);
  }
  const complementary: { pair: ScoredPair; decision: OverlapDecisionDto }[] = [];
  const stillOpen = open.filter((index) => {
    const [x, y] = scored.activitiesAt(index);
    const a = x.activity.id;
    const b = y.activity.id;
    const decision = a < b ? byPair.get(a)?.get(b) : byPair.get(b)?.get(a);
    if (decision) complementary.push({ pair: scored.pairAt(index), decision });
    return !decision;
  });
  return { open: stillOpen, complementary };
}

/**
 * The overlap report: the pairs still to look at, highest score first — the first `limit` of them
 * described (all of them without a limit) and how many there are — and every pair marked
 * complementary with its decision. A large plan flags tens of thousands of pairs; a screen shows
 * a few dozen and asks for more, so it never waits for (or receives) the ones nobody reads.
 */
export function overlapReportOf(
  cycleId: string,
  activitiesChecked: number,
  scored: ScoredOverlaps,
  decisions: readonly OverlapDecisionDto[],
  limit?: number,
): OverlapReportDto {
  const { open, complementary } = splitByDecisions(scored, decisions);
  const shown = limit === undefined ? open : open.slice(0, limit);
  return {
    cycleId,
    activitiesChecked,
    pairCount: open.length,
    pairs: shown.map((index) => scored.describe(scored.pairAt(index))),
    complementary: complementary.map(({ pair, decision }) => ({ ...scored.describe(pair), decision })),
  };
}
