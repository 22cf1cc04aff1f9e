import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { withNames } from '../../../main/exports/xlsx/cycle-data';
import { loadRefs } from '../../../main/imports/xlsx/refs';
import { listAdminUnits } from '../../../main/services/admin-units';
import { testApp } from '../../support/test-app';

/**
 * Free-typed ward lists, on every ward of all 47 counties: each ward alone, and with its neighbours
 * in lists separated by commas, semicolons or new lines, reads back as exactly those wards. Names
 * hold '/', '-' and apostrophes; some equal a sub-county's name; two counties have two wards of one
 * name, written with their sub-county. (The defect this guards: "Dukana, North Horr" read as the
 * one ward "Dukana (North Horr)".)
 */
let app: ReturnType<typeof testApp>;
beforeAll(() => {
  app = testApp();
});
afterAll(() => app.close());

function countyWards(countyId: string) {
  const units = listAdminUnits(app, { withinId: countyId });
  const wards = units.filter((unit) => unit.level === 'ward');
  const subCounties = new Map(units.filter((unit) => unit.level === 'sub_county').map((unit) => [unit.id, unit]));
  const names = withNames({
    organisations: [],
    objectives: [],
    activities: [],
    indicators: [],
    wards: new Map(wards.map((w) => [w.id, w])),
    subCounties,
  }).names;
  const refs = loadRefs(app, {
    id: '00000000-0000-4000-8000-000000000000',
    countyId,
    countyName: '',
    reportingPeriod: 'quarterly',
    startDate: '2026-07-01',
    endDate: '2027-06-30',
  } as CycleDto);
  return { wards, names, subCounties, read: (text: string) => refs.wards({ kind: 'text', text }) };
}

describe('ward lists typed by people', () => {
  it('read back every ward of every county, alone and in lists with its neighbours', () => {
    const counties = listAdminUnits(app, { level: 'county' });
    expect(counties).toHaveLength(47);
    let checked = 0;
    const failures: string[] = [];
    for (const county of counties) {
      const { wards, names, read } = countyWards(county.id);
      wards.forEach((ward, index) => {
        const alone = read(names.wards([ward.id]));
        if (!alone.ok || alone.value.join() !== ward.id) failures.push(`${county.name}: ${names.wards([ward.id])} → ${JSON.stringify(alone)}`);
        const neighbours = [wards[index - 1], ward, wards[index + 1]].filter((w) => w !== undefined).map((w) => w.id);
        for (const separator of [', ', '; ', '\n', ',']) {
          const text = neighbours.map((id) => names.wards([id])).join(separator);
          const list = read(text);
          if (!list.ok || list.value.join() !== neighbours.join()) failures.push(`${county.name}: ${JSON.stringify(text)} → ${JSON.stringify(list)}`);
        }
        checked++;
      });
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(checked).toBe(1448);
  });

  it('reads "Dukana, North Horr" as two wards, and names with / - and apostrophes as written', () => {
    const marsabit = listAdminUnits(app, { level: 'county' }).find((county) => county.name === 'Marsabit');
    const { wards, read } = countyWards(marsabit?.id ?? '');
    const id = (name: string) => wards.find((ward) => ward.name === name)?.id;
    expect(read('Dukana, North Horr')).toEqual({ ok: true, value: [id('Dukana'), id('North Horr')] });
    expect(read('Dukana (North Horr)')).toEqual({ ok: true, value: [id('Dukana')] });
    const odd = listAdminUnits(app, { level: 'ward' }).filter((ward) => /[/'-]/.test(ward.name));
    expect(odd.length).toBeGreaterThan(50);
  });
});
