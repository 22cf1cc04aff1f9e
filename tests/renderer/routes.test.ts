import { describe, expect, it } from 'vitest';
import { analysisRoute, auditRoute, cycleRoute, cycleScreens, hrefFor, isLaunchHash, launchRoute, parseHash, type Route } from '../../renderer/routing/routes';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('hash routes', () => {
  it('round-trips every screen through its address', () => {
    const screens = cycleScreens.map((screen) => cycleRoute(ID, screen));
    const others: Route[] = [
      { name: 'start' },
      { name: 'backups' },
      { name: 'import' },
      auditRoute(),
      auditRoute({ cycleId: ID }),
      auditRoute({ cycleId: ID, rowId: OTHER }),
    ];
    for (const route of [...screens, ...others]) {
      expect(parseHash(hrefFor(route))).toEqual(route);
    }
  });

  it('gives every cycle screen its own address, the overview the cycle’s own', () => {
    expect(hrefFor(cycleRoute(ID))).toBe(`#/cycles/${ID}`);
    expect(hrefFor(cycleRoute(ID, 'action-plan'))).toBe(`#/cycles/${ID}/action-plan`);
    expect(hrefFor(auditRoute({ cycleId: ID, rowId: OTHER }))).toBe(`#/audit?cycle=${ID}&row=${OTHER}`);
    expect(parseHash('#/audit?row=abc')).toEqual({ name: 'audit', cycleId: null, rowId: 'abc' });
  });

  it('reads the start screen from an empty or bare address', () => {
    expect(parseHash('')).toEqual({ name: 'start' });
    expect(parseHash('#/')).toEqual({ name: 'start' });
  });

  it('treats unknown screens and malformed ids as unknown, not as the overview', () => {
    expect(parseHash(`#/cycles/${ID}/budgets`)).toEqual({ name: 'unknown' });
    expect(parseHash('#/cycles/not-an-id')).toEqual({ name: 'unknown' });
    expect(parseHash('#/settings')).toEqual({ name: 'unknown' });
  });

  it('gives each Analysis section its own address, and only Analysis has sections', () => {
    expect(parseHash(`#/cycles/${ID}/analysis/overlaps`)).toEqual(analysisRoute(ID, 'overlaps'));
    expect(hrefFor(analysisRoute(ID, 'costs'))).toBe(`#/cycles/${ID}/analysis/costs`);
    expect(parseHash(hrefFor(analysisRoute(ID, 'costs')))).toEqual(analysisRoute(ID, 'costs'));
    expect(parseHash(`#/cycles/${ID}/analysis`)).toEqual(cycleRoute(ID, 'analysis'));
    expect(parseHash(`#/cycles/${ID}/analysis/nowhere`)).toEqual({ name: 'unknown' });
    expect(parseHash(`#/cycles/${ID}/budget/overlaps`)).toEqual({ name: 'unknown' });
  });

  it('lets the app choose the screen only when the address names none', () => {
    expect(isLaunchHash('')).toBe(true);
    expect(isLaunchHash('#')).toBe(true);
    expect(isLaunchHash('#/')).toBe(false);
  });
});

describe('where a start lands', () => {
  it('reopens the cycle used last when it still exists', () => {
    expect(launchRoute(OTHER, [{ id: ID }, { id: OTHER }])).toEqual(cycleRoute(OTHER));
  });

  it('opens the only cycle when the last one is unknown or gone', () => {
    expect(launchRoute(null, [{ id: ID }])).toEqual(cycleRoute(ID));
    expect(launchRoute(OTHER, [{ id: ID }])).toEqual(cycleRoute(ID));
  });

  it('shows the list when there is no cycle or no way to choose one', () => {
    expect(launchRoute(null, [])).toEqual({ name: 'start' });
    expect(launchRoute(null, [{ id: ID }, { id: OTHER }])).toEqual({ name: 'start' });
  });
});
