import { dayNumber, formatDisplayDate } from '../dates';
import { sectors } from '../domain/vocabulary';
import type { ActivityDto } from '../api/schemas/plan';
import type { OverlapDecisionDto, OverlapPairDto, OverlapReportDto } from '../api/schemas/analysis/overlaps';
import { jaccard, tokens } from './text-similarity';
import { itemAt } from '../item-at';

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

interface Prepared extends Swept {
  titleWords: Set<string>;
  allWords: Set<string>;
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
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    for (const ward of item.wardList) {
      const key = `${item.activity.sector}\u0000${ward}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(item);
      else buckets.set(key, [item]);
    }
  }
  for (const [bucketKey, bucket] of buckets) {
    const ward = bucketKey.slice(bucketKey.indexOf('\u0000') + 1);
    bucket.sort((x, y) => x.startDay - y.startDay);
    for (const [i, a] of bucket.entries()) {
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
 * Pairs of activities that are likely to duplicate each other: led by different organisations, in
 * the same sector, sharing at least one ward, with dates that overlap by at least one day (dates
 * are inclusive, so one ending on 31 Oct and one starting on 31 Oct overlap; one ending on 30 Oct
 * and one starting on 31 Oct only touch and are not flagged). Cancelled activities are ignored;
 * an activity with no ward cannot share one and is never flagged. Cost: see sweepPairs.
 */
export function findOverlaps(activities: readonly OverlapActivity[], names: OverlapNames): OverlapPairDto[] {
  const prepared: Prepared[] = [];
  for (const [ordinal, activity] of activities.entries()) {
    if (!canOverlap(activity)) continue;
    const titleWords = tokens(activity.title);
    prepared.push({
      ...swept(activity),
      titleWords,
      allWords: new Set([...titleWords, ...tokens(activity.description)]),
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
    });
  }

  const describe = describer(names);
  const pairs: OverlapPairDto[] = [];
  // One sort key a pair, kept beside the pairs (tens of thousands are possible): the score from
  // high to low, then the two activities' positions in the input. Whole numbers below 101 × n²,
  // exact in a double for any plan under nine million activities, so one subtraction compares.
  const n = activities.length;
  const keys: number[] = [];
  sweepPairs(prepared, (a, b) => {
    const pair = describe(a, b);
    pairs.push(pair);
    keys.push(((100 - pair.score) * n + Math.min(a.ordinal, b.ordinal)) * n + Math.max(a.ordinal, b.ordinal));
  });
  const order = Array.from(pairs.keys());
  order.sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0));
  return order.map((index) => itemAt(pairs, index, 'pair'));
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

  return (x: Prepared, y: Prepared): OverlapPairDto => {
    // Shown in plan order (start date, then code); the key stays in id order.
    const inOrder = x.startDay < y.startDay || (x.startDay === y.startDay && x.activity.code <= y.activity.code);
    const a = inOrder ? x : y;
    const b = inOrder ? y : x;
    const only = a.wardList.length === 1 ? a.wardList[0] : b.wardList.length === 1 ? b.wardList[0] : undefined;
    const single = only === undefined ? undefined : oneWard(only);
    const shared = single ? single.ids : a.wardList.filter((id) => b.wards.has(id));
    const overlapStart = a.startDay > b.startDay ? a.activity.startDate : b.activity.startDate;
    const overlapEnd = a.endDay < b.endDay ? a.activity.endDate : b.activity.endDate;
    const overlapDays = Math.min(a.endDay, b.endDay) - Math.max(a.startDay, b.startDay) + 1;
    const wardShare = shared.length / Math.min(a.wardList.length, b.wardList.length);
    const timeShare = overlapDays / Math.min(a.endDay - a.startDay + 1, b.endDay - b.startDay + 1);
    const textSimilarity = Math.max(jaccard(a.titleWords, b.titleWords), jaccard(a.allWords, b.allWords));
    const score = overlapScore(wardShare, timeShare, textSimilarity);
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

/** Splits the flagged pairs into those still to look at and those marked complementary. */
export function applyOverlapDecisions(
  cycleId: string,
  activitiesChecked: number,
  pairs: readonly OverlapPairDto[],
  decisions: readonly OverlapDecisionDto[],
): OverlapReportDto {
  // Looked up by the two activity ids, not by the pair's key: each id is one string shared by all
  // of its activity's pairs, while each key is text of its own to hash, tens of thousands of them.
  const byPair = new Map<string, Map<string, OverlapDecisionDto>>();
  for (const decision of decisions) {
    const [first, second] = pairOf(decision.activityAId, decision.activityBId);
    let bySecond = byPair.get(first);
    if (!bySecond) byPair.set(first, (bySecond = new Map()));
    bySecond.set(second, decision);
  }
  const report: OverlapReportDto = { cycleId, activitiesChecked, pairs: [], complementary: [] };
  for (const pair of pairs) {
    const a = pair.activityA.id;
    const b = pair.activityB.id;
    const decision = a < b ? byPair.get(a)?.get(b) : byPair.get(b)?.get(a);
    if (decision) report.complementary.push({ ...pair, decision });
    else report.pairs.push(pair);
  }
  return report;
}
