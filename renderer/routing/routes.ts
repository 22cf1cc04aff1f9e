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

/** The Analysis screen's sub-sections, each its own address so a link or Back brings it up. */
export const analysisSections = ['calendar', 'overlaps', 'coverage', 'costs', 'indicators', 'triggers'] as const;
export type AnalysisSection = (typeof analysisSections)[number];

/** The audit log can be narrowed to one cycle and to one record's history. */
export interface AuditFilter {
  cycleId: string | null;
  rowId: string | null;
}

export type Route =
  | { name: 'start' }
  | { name: 'cycle'; cycleId: string; screen: CycleScreen; section?: AnalysisSection }
  | { name: 'backups' }
  | ({ name: 'audit' } & AuditFilter)
  /** The preview of a bundle file opened from Explorer (desktop app). */
  | { name: 'import' }
  | { name: 'unknown' };

const CYCLE_PATH = /^\/cycles\/([0-9a-f-]{36})(?:\/([a-z-]+))?(?:\/([a-z-]+))?\/?$/i;

const isCycleScreen = (value: string): value is CycleScreen => cycleScreens.some((screen) => screen === value);
const isAnalysisSection = (value: string): value is AnalysisSection => analysisSections.some((section) => section === value);

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
  if (!isCycleScreen(screen)) return { name: 'unknown' };
  const cycleId = match[1].toLowerCase();
  const section = match[3];
  if (section === undefined) return { name: 'cycle', cycleId, screen };
  return screen === 'analysis' && isAnalysisSection(section) ? { name: 'cycle', cycleId, screen, section } : { name: 'unknown' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'cycle':
      if (route.screen === 'overview') return `#/cycles/${route.cycleId}`;
      return `#/cycles/${route.cycleId}/${route.screen}${route.section ? `/${route.section}` : ''}`;
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
export const analysisRoute = (cycleId: string, section: AnalysisSection): Route => ({ name: 'cycle', cycleId, screen: 'analysis', section });
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
