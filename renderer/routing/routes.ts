/**
 * Screens are addressed by the URL hash (`#/cycles/<id>/stakeholders`), which works the same from
 * file:// in Electron and over HTTP in the web shell, and survives a reload.
 */
export const cycleScreens = [
  'overview',
  'stakeholders',
  'objectives',
  'action-plan',
  'budget',
  'indicators',
  'risks',
  'reviews',
  'approvals',
  // Built in features/lifecycle, features/exports, features/analysis and features/map; mounted in features/cycle/extra-screens.tsx.
  'lifecycle',
  'deliverables',
  'analysis',
  'map',
  'exchange',
  'reporting-round',
] as const;
export type CycleScreen = (typeof cycleScreens)[number];

/** The audit log can be narrowed to one cycle and to one record's history. */
export interface AuditFilter {
  cycleId: string | null;
  rowId: string | null;
}

export type Route =
  | { name: 'start' }
  | { name: 'cycle'; cycleId: string; screen: CycleScreen }
  | { name: 'backups' }
  | ({ name: 'audit' } & AuditFilter)
  /** The preview of a bundle file opened from Explorer (desktop app). */
  | { name: 'import' }
  | { name: 'unknown' };

const CYCLE_PATH = /^\/cycles\/([0-9a-f-]{36})(?:\/([a-z-]+))?\/?$/i;

const isCycleScreen = (value: string): value is CycleScreen => cycleScreens.some((screen) => screen === value);

export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  if (path === '' || path === '/') return { name: 'start' };
  if (path === '/backups') return { name: 'backups' };
  if (path === '/import') return { name: 'import' };
  if (path === '/audit') {
    const params = new URLSearchParams(query);
    return { name: 'audit', cycleId: params.get('cycle') || null, rowId: params.get('row') || null };
  }
  const match = CYCLE_PATH.exec(path);
  if (!match?.[1]) return { name: 'unknown' };
  const screen = match[2] ?? 'overview';
  return isCycleScreen(screen) ? { name: 'cycle', cycleId: match[1].toLowerCase(), screen } : { name: 'unknown' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'cycle':
      return route.screen === 'overview' ? `#/cycles/${route.cycleId}` : `#/cycles/${route.cycleId}/${route.screen}`;
    case 'backups':
      return '#/backups';
    case 'import':
      return '#/import';
    case 'audit': {
      const params = new URLSearchParams();
      if (route.cycleId) params.set('cycle', route.cycleId);
      if (route.rowId) params.set('row', route.rowId);
      const query = params.toString();
      return query ? `#/audit?${query}` : '#/audit';
    }
    default:
      return '#/';
  }
}

export const cycleRoute = (cycleId: string, screen: CycleScreen = 'overview'): Route => ({ name: 'cycle', cycleId, screen });
export const auditRoute = (filter: Partial<AuditFilter> = {}): Route => ({ name: 'audit', cycleId: filter.cycleId ?? null, rowId: filter.rowId ?? null });

/** A window opened without a screen in its address: the app chooses where to land. */
export const isLaunchHash = (hash: string): boolean => hash === '' || hash === '#';

/** Land on the cycle used last, or on the only cycle there is; otherwise on the list of cycles. */
export function launchRoute(lastCycleId: string | null, cycles: readonly { id: string }[]): Route {
  if (lastCycleId !== null && cycles.some((cycle) => cycle.id === lastCycleId)) return cycleRoute(lastCycleId);
  const [only, ...others] = cycles;
  if (only && others.length === 0) return cycleRoute(only.id);
  return { name: 'start' };
}
