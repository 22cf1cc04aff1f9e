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

export function formatHlc(clock: Hlc): string {
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

/** The clock after seeing a remote stamp: later than the last clock, the remote one and the wall clock. */
export function receiveHlc(last: Hlc | null, remote: Hlc, nowMs: number, node: string): Hlc {
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
