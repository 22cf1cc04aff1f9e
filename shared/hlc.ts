/**
 * Hybrid logical clock: physical milliseconds plus a counter, stamped with the installation's node id.
 * It never goes backwards even when a laptop's clock does, and its text form sorts in clock order,
 * so the later of two edits to one row can be found by comparing strings.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/**
 * How far ahead of this computer's wall clock a received stamp may be: one day. Laptops' clocks
 * are wrong in two ways. The time zone (a laptop set to UTC instead of Nairobi's UTC+3; no zone
 * anywhere is more than 14 hours off) and a few minutes of drift are common and harmless, and stay
 * within a day. Anything further means a wrong *date* — on the sender's laptop or on this one —
 * and a stamp from it must not be taken: the clock moves past every stamp it takes and never goes
 * back, so one stamp dated 2100 would date every later change here after 2100, make it win every
 * "later edit" decision against honest edits, and a stamp past 15 digits of milliseconds would make
 * every bundle this copy exports unreadable.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** True when a stamp is dated more than MAX_CLOCK_SKEW_MS after `nowMs`. */
export const isTooFarAhead = (clock: Hlc, nowMs: number): boolean => clock.wallMs > nowMs + MAX_CLOCK_SKEW_MS;

export function formatHlc(clock: Hlc): string {
  // Past 15 digits the text form no longer sorts in clock order and no reader accepts it.
  if (!Number.isSafeInteger(clock.wallMs) || clock.wallMs < 0 || clock.wallMs >= 10 ** WALL_DIGITS) {
    throw new RangeError(`A clock reading of ${clock.wallMs} ms cannot be written: it is outside the clock's range.`);
  }
  return `${String(clock.wallMs).padStart(WALL_DIGITS, '0')}:${String(clock.counter).padStart(COUNTER_DIGITS, '0')}:${clock.node}`;
}

export function parseHlc(text: string): Hlc | null {
  const match = /^(\d{15}):(\d{5}):([A-Za-z0-9-]{1,64})$/.exec(text);
  if (!match) return null;
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3] ?? '' };
}

/** The clock for a local event: later than both the last clock and the wall clock. */
export function tickHlc(last: Hlc | null, nowMs: number, node: string): Hlc {
  if (!last || nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node };
  return advance(last.wallMs, last.counter, node);
}

/**
 * The clock after seeing a remote stamp: later than the last clock, the remote one and the wall
 * clock. A stamp more than MAX_CLOCK_SKEW_MS ahead is never taken (bundles refuse it before this).
 */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
  if (isTooFarAhead(remote, nowMs)) throw new RangeError('A clock reading more than a day ahead of this computer’s clock was not taken.');
  const lastWall = last?.wallMs ?? 0;
  const wall = Math.max(lastWall, remote.wallMs, nowMs);
  if (wall === nowMs && nowMs > lastWall && nowMs > remote.wallMs) return { wallMs: wall, counter: 0, node };
  const counter = Math.max(wall === lastWall ? (last?.counter ?? 0) : -1, wall === remote.wallMs ? remote.counter : -1);
  return advance(wall, counter, node);
}

function advance(wallMs: number, counter: number, node: string): Hlc {
  // A counter overflow moves the logical time one millisecond ahead instead of wrapping round.
  return counter >= MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0, node } : { wallMs, counter: counter + 1, node };
}
