/**
 * Screens are addressed by the URL hash (`#/cycles/<id>/stakeholders`), which works the same from
 * file:// in Electron and over HTTP in the web shell, and survives a reload.
 */
export const cycleScreens = ['overview', 'stakeholders'] as const;
export type CycleScreen = (typeof cycleScreens)[number];

export type Route = { name: 'start' } | { name: 'cycle'; cycleId: string; screen: CycleScreen } | { name: 'unknown' };

const CYCLE_PATH = /^\/cycles\/([0-9a-f-]{36})(?:\/([a-z-]+))?\/?$/i;

const isCycleScreen = (value: string): value is CycleScreen => cycleScreens.some((screen) => screen === value);

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { name: 'start' };
  const match = CYCLE_PATH.exec(path);
  if (!match?.[1]) return { name: 'unknown' };
  const screen = match[2] ?? 'overview';
  return isCycleScreen(screen) ? { name: 'cycle', cycleId: match[1].toLowerCase(), screen } : { name: 'unknown' };
}

export function hrefFor(route: Route): string {
  if (route.name !== 'cycle') return '#/';
  return route.screen === 'overview' ? `#/cycles/${route.cycleId}` : `#/cycles/${route.cycleId}/${route.screen}`;
}

export const cycleRoute = (cycleId: string, screen: CycleScreen = 'overview'): Route => ({ name: 'cycle', cycleId, screen });

/** A window opened without a screen in its address: the app chooses where to land. */
export const isLaunchHash = (hash: string): boolean => hash === '' || hash === '#';

/** Land on the cycle used last, or on the only cycle there is; otherwise on the list of cycles. */
export function launchRoute(lastCycleId: string | null, cycles: readonly { id: string }[]): Route {
  if (lastCycleId !== null && cycles.some((cycle) => cycle.id === lastCycleId)) return cycleRoute(lastCycleId);
  const [only, ...others] = cycles;
  if (only && others.length === 0) return cycleRoute(only.id);
  return { name: 'start' };
}
