import type { RawFeature } from './read-geo-file';

/**
 * Which ward of the county each feature of a boundary file is. Files name wards in their own
 * attributes (WARD, WARD_NAME, ward_code, IEBC_CODE…), so the attribute holding names and the one
 * holding IEBC codes are found by how many of their values are wards at all. Names are compared
 * leniently ("Oldo/Nyiro" is Oldonyiro, "Ngare Mara" is Ngaremara, "Burat Ward" is Burat); codes
 * by number ("242" is 0242). A feature that is a ward of another county is counted, not kept.
 */

export interface KnownWard {
  id: string;
  name: string;
  code: string;
  countyId: string;
  countyName: string;
}

export interface WardMatch {
  feature: number;
  label: string;
  wardId: string;
  matchedBy: 'code' | 'name';
}

export interface MatchResult {
  /** Which attributes named the wards, in words. */
  matchedOn: string;
  matches: WardMatch[];
  unmatched: { feature: number; label: string; reason: string }[];
  /** Features of other counties, by county name. */
  otherCounties: Map<string, number>;
}

/** Lenient form of a name: no case, accents, spaces, '/', '-', apostrophes or a trailing "ward". */
export function normaliseWardName(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const plain = String(value)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s/\\\-_.,'’‘`"()]+/g, '');
  return plain.length > 4 && plain.endsWith('ward') ? plain.slice(0, -4) : plain;
}

/** IEBC codes compared as numbers: "0242", "242" and 242 are one code. */
export function normaliseCode(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value).trim();
  return /^\d{1,6}$/.test(text) ? String(Number(text)) : text.toLowerCase();
}

/** Attribute names that may hold a ward code; row numbers such as OBJECTID or FID never do. */
const CODE_KEY = /code|caw|iebc|ward_?id|wcode|ward_?no/i;
const NOT_CODE_KEY = /^(object_?id|fid|fid_\w*|id|gid|ogc_fid|shape_\w+)$/i;

function bestKey(features: readonly RawFeature[], keys: string[], hit: (value: unknown) => boolean): { key: string; hits: number } | null {
  let best: { key: string; hits: number } | null = null;
  for (const key of keys) {
    let hits = 0;
    for (const f of features) if (hit(f.properties[key])) hits++;
    if (hits > 0 && (!best || hits > best.hits)) best = { key, hits };
  }
  return best;
}

export function matchWards(features: readonly RawFeature[], county: { id: string; name: string }, known: readonly KnownWard[]): MatchResult {
  const byCode = new Map<string, KnownWard>();
  const byName = new Map<string, KnownWard[]>();
  const countyNames = new Map<string, string>();
  for (const ward of known) {
    if (ward.code) byCode.set(normaliseCode(ward.code), ward);
    const key = normaliseWardName(ward.name);
    byName.set(key, [...(byName.get(key) ?? []), ward]);
    countyNames.set(normaliseWardName(ward.countyName), ward.countyName);
  }
  const sample = features.slice(0, 3000);
  const keys = [...new Set(sample.flatMap((f) => Object.keys(f.properties)))];
  const nameKey = bestKey(sample, keys, (v) => byName.has(normaliseWardName(v)))?.key ?? null;
  const codeKey =
    bestKey(
      sample,
      keys.filter((k) => CODE_KEY.test(k) && !NOT_CODE_KEY.test(k) && k !== nameKey),
      (v) => byCode.has(normaliseCode(v)),
    )?.key ?? null;
  const countyKey = bestKey(
    sample,
    keys.filter((k) => k !== nameKey && k !== codeKey),
    (v) => countyNames.has(normaliseWardName(v)),
  )?.key;

  const result: MatchResult = {
    matchedOn:
      [codeKey ? `ward codes in “${codeKey}”` : null, nameKey ? `ward names in “${nameKey}”` : null].filter(Boolean).join(' and ') ||
      'nothing: no attribute holds ward names or codes',
    matches: [],
    unmatched: [],
    otherCounties: new Map(),
  };
  const elsewhere = (countyName: string) => result.otherCounties.set(countyName, (result.otherCounties.get(countyName) ?? 0) + 1);

  for (const f of features) {
    const props = f.properties;
    const rawName = nameKey ? props[nameKey] : undefined;
    const label = String(rawName ?? (codeKey ? props[codeKey] : undefined) ?? firstText(props) ?? '').trim();
    const name = normaliseWardName(rawName);
    const named = byName.get(name) ?? [];
    const ours = named.filter((w) => w.countyId === county.id);
    const code = codeKey ? props[codeKey] : undefined;
    const coded = codeKey ? byCode.get(normaliseCode(code)) : undefined;
    const statedCounty = countyKey ? countyNames.get(normaliseWardName(props[countyKey])) : undefined;
    const unmatched = (reason: string) => result.unmatched.push({ feature: f.index, label, reason });

    if (statedCounty !== undefined && normaliseWardName(statedCounty) !== normaliseWardName(county.name)) {
      elsewhere(statedCounty);
      unmatched(`a ward of ${statedCounty} County`);
    } else if (coded && coded.countyId === county.id && (ours.length !== 1 || ours[0]?.id === coded.id)) {
      result.matches.push({ feature: f.index, label, wardId: coded.id, matchedBy: 'code' });
    } else if (ours[0] && ours.length === 1) {
      result.matches.push({ feature: f.index, label, wardId: ours[0].id, matchedBy: 'name' });
    } else if (coded && coded.countyId !== county.id) {
      elsewhere(coded.countyName);
      unmatched(`a ward of ${coded.countyName} County (code ${String(code)})`);
    } else if (ours.length > 1) {
      unmatched(`${county.name} has ${ours.length} wards called “${label}”; give the file IEBC ward codes`);
    } else if (named.length > 0) {
      const counties = [...new Set(named.map((w) => w.countyName))];
      const [onlyCounty, ...otherCounties] = counties;
      elsewhere(onlyCounty !== undefined && otherCounties.length === 0 ? onlyCounty : 'other counties');
      unmatched(`a ward of ${counties.join(' or ')} County`);
    } else {
      unmatched(label ? `no ward of ${county.name} is called “${label}”` : 'it has no ward name or code');
    }
  }
  return result;
}

function firstText(props: Record<string, unknown>): string | undefined {
  return Object.values(props).find((v): v is string => typeof v === 'string' && v.trim() !== '');
}
