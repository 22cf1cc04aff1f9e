import { formatDisplayDate } from '../../shared/dates';
import { isTooFarAhead, parseHlc } from '../../shared/hlc';
import type { Row } from '../db/row-store';
import { AREA_UNIT_NOUN } from './area-units';
import { exchangeTable, rowLabel } from './exchange-tables';
import type { ParsedBundle } from './read';

/**
 * A bundle whose clock stamps run more than a day ahead of this computer's clock is refused whole
 * (shared/hlc.ts MAX_CLOCK_SKEW_MS says why a day), naming the first row that does: taking even
 * one such stamp would date every later change here after it.
 */
export function clockRefusal(parsed: ParsedBundle, nowMs: number): string | null {
  const found = firstTooFarAhead(parsed, nowMs);
  if (!found) return null;
  const today = formatDisplayDate(new Date(nowMs).toISOString().slice(0, 10));
  return (
    `${found.what} is dated ${dateOf(found.wallMs)} by the sender’s clock, more than a day ahead of this computer’s (${today}). ` +
    'The date on one of the two laptops is wrong: check both, correct the wrong one, and ask the sender to export the bundle again. ' +
    'Nothing was imported: a change dated in the future would put every later change on this computer after it.'
  );
}

function dateOf(wallMs: number): string {
  const iso = new Date(wallMs).toISOString();
  return /^\d{4}-/.test(iso) ? formatDisplayDate(iso.slice(0, 10)) : 'thousands of years from now';
}

function firstTooFarAhead(parsed: ParsedBundle, nowMs: number): { what: string; wallMs: number } | null {
  const ahead = (stamp: unknown): number | null => {
    const clock = typeof stamp === 'string' ? parseHlc(stamp) : null;
    return clock && isTooFarAhead(clock, nowMs) ? clock.wallMs : null;
  };
  const check = (what: () => string, ...stamps: unknown[]) => {
    for (const stamp of stamps) {
      const wallMs = ahead(stamp);
      if (wallMs !== null) return { what: what(), wallMs };
    }
    return null;
  };
  const capital = (text: string) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
  const named = (noun: string, label: string) => `${capital(noun)} “${label}”`;
  for (const [register, rows] of parsed.rows) {
    for (const row of rows) {
      const hit = check(() => named(exchangeTable[register].noun.one, rowLabel(register, row)), row.hlc, row.baseHlc);
      if (hit) return hit;
    }
  }
  for (const tombstone of parsed.tombstones) {
    const hit = check(() => `The deletion of ${exchangeTable[tombstone.register].noun.one} ${tombstone.rowId}`, tombstone.hlc, tombstone.baseHlc);
    if (hit) return hit;
  }
  const cycle: Row | null = parsed.cycle;
  if (cycle) {
    const hit = check(() => `The cycle “${String(cycle.title)}”`, cycle.hlc, cycle.baseHlc);
    if (hit) return hit;
  }
  for (const unit of parsed.areaUnits) {
    const hit = check(() => named(AREA_UNIT_NOUN.one, String(unit.name)), unit.hlc);
    if (hit) return hit;
  }
  return check(() => 'The bundle itself', parsed.manifest.senderClock);
}
