import { describe, expect, it } from 'vitest';
import { jointCalendar } from '../../shared/analysis/calendar';
import { calendarToIcs, escapeText, foldLine } from '../../shared/analysis/ics';
import { DEFAULT_STATUTORY_DATES, resolveStatutoryDates } from '../../shared/analysis/statutory-dates';

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  properties: Property[];
  children: Component[];
}

/**
 * A small, strict RFC 5545 reader for the tests: CRLF only, lines of at most 75 octets, unfolding,
 * BEGIN/END nesting, and the properties calendar programs require on import.
 */
function parseIcs(text: string): Component {
  expect(text.endsWith('\r\n'), 'file ends with CRLF').toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line.includes('\n') || line.includes('\r'), `bare LF or CR in ${JSON.stringify(line)}`).toBe(false);
    expect(new TextEncoder().encode(line).length, `line longer than 75 octets: ${line}`).toBeLessThanOrEqual(75);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      expect(logical.length, 'continuation before any line').toBeGreaterThan(0);
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const root: Component = { name: '', properties: [], children: [] };
  const stack: Component[] = [root];
  for (const line of logical) {
    const match = /^([A-Z0-9-]+)((?:;[A-Z0-9-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(match, `not a content line: ${line}`).not.toBeNull();
    const [, name, rawParams, value] = match as unknown as [string, string, string, string];
    const params = Object.fromEntries(
      rawParams
        .split(';')
        .filter(Boolean)
        .map((p) => p.split('=') as [string, string]),
    );
    const current = stack[stack.length - 1] as Component;
    if (name === 'BEGIN') {
      const child: Component = { name: value, properties: [], children: [] };
      current.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      expect(current.name, 'END matches BEGIN').toBe(value);
      stack.pop();
    } else current.properties.push({ name, params, value });
  }
  expect(stack, 'every BEGIN has its END').toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0] as Component;
}

const prop = (c: Component, name: string) => c.properties.find((p) => p.name === name);
const unescape = (value: string) => value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));

describe('.ics export', () => {
  const cycle = {
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Isiolo JWP, FY 2026/27',
    fiscalYear: '2026/27',
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    reportingPeriod: 'quarterly' as const,
  };
  const { events } = jointCalendar({
    cycle,
    today: '2026-11-25',
    activities: [],
    milestones: [
      {
        id: 'm1',
        title: 'Joint monitoring visit to Merti (Chari; Cherab) — with the Ministry of Water, Sanitation & Irrigation and all partners',
        kind: 'milestone',
        dueDate: '2026-12-04',
        status: 'on_track',
        progressNotes: 'Line one\nline two, with a comma and a back\\slash; ñandú 🐪',
      },
    ],
    statutoryDates: resolveStatutoryDates('2026/27', DEFAULT_STATUTORY_DATES),
  });
  const text = calendarToIcs({ events, cycleId: cycle.id, calendarName: `${cycle.title} — joint calendar`, generatedAt: '2026-11-25T08:00:00.000Z' });
  const calendar = parseIcs(text);

  it('is one VCALENDAR with version, product id and one VEVENT per calendar event', () => {
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')?.value).toMatch(/Pamoja JWP/);
    expect(calendar.children.map((c) => c.name)).toEqual(events.map(() => 'VEVENT'));
    expect(unescape(prop(calendar, 'X-WR-CALNAME')?.value ?? '')).toBe('Isiolo JWP, FY 2026/27 — joint calendar');
  });

  it('gives every event a unique stable UID, a UTC DTSTAMP and all-day dates', () => {
    const uids = calendar.children.map((e) => prop(e, 'UID')?.value);
    expect(new Set(uids).size).toBe(events.length);
    expect(uids).toContain(`statutory-adp-2026-09-01.${cycle.id}@pamoja-jwp`);
    for (const event of calendar.children) {
      expect(prop(event, 'DTSTAMP')?.value).toBe('20261125T080000Z');
      const start = prop(event, 'DTSTART');
      const end = prop(event, 'DTEND');
      expect(start?.params).toEqual({ VALUE: 'DATE' });
      expect(start?.value).toMatch(/^\d{8}$/);
      expect(end?.params).toEqual({ VALUE: 'DATE' });
      expect(Number(end?.value)).toBeGreaterThan(Number(start?.value));
    }
    const cfsp = calendar.children.find((e) => prop(e, 'UID')?.value.startsWith('statutory-cfsp'));
    expect([prop(cfsp as Component, 'DTSTART')?.value, prop(cfsp as Component, 'DTEND')?.value]).toEqual(['20270228', '20270301']);
    const year = calendar.children.find((e) => prop(e, 'UID')?.value.startsWith('cycle-end'));
    expect(prop(year as Component, 'DTEND')?.value).toBe('20270701');
  });

  it('escapes text and folds long lines without breaking characters', () => {
    const visit = calendar.children.find((e) => prop(e, 'UID')?.value.startsWith('milestone-m1')) as Component;
    expect(unescape(prop(visit, 'SUMMARY')?.value ?? '')).toBe(events.find((e) => e.id === 'milestone-m1')?.title);
    expect(unescape(prop(visit, 'DESCRIPTION')?.value ?? '')).toBe(
      'Milestone / deliverable. On track. Line one\nline two, with a comma and a back\\slash; ñandú 🐪',
    );
    expect(text).toContain('\r\n ');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
    ).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });
});
