import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../main/app-context';
import { closeDb } from '../../main/db/open-db';
import { resourcesDir } from '../../main/resource-paths';
import { listCycles } from '../../main/services/cycles';
import { wardMap } from '../../main/services/maps';
import { mapFilter, type WardMapDto } from '../../shared/api/schemas/geo';
import { pamoja } from '../support/pamoja-cli';
import { classPixels, decodeRgbaPng } from '../support/png';
import { WARD_MAP_SIZE } from '../../shared/geo/ward-map-svg';

/** `pamoja export --format svg|png --doc ward-map` as an officer runs it, in a child process. */
let dir: string;
let db: string;

const out = (name: string) => path.join(dir, name);

/** The map's figures as the database gives them, for the same filter the command was given. */
function figures(filter: Partial<{ sector: string; orgId: string }>, measure: 'kes' | 'activities' = 'kes'): WardMapDto {
  const ctx = openApp({ file: db, resourcesDir });
  try {
    const cycle = listCycles(ctx)[0];
    if (!cycle) throw new Error('demo has no cycle');
    return wardMap(ctx, { cycleId: cycle.id, measure, filter: mapFilter.parse(filter) });
  } finally {
    closeDb(ctx.db);
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamoja-map-export-'));
  db = out('demo.db');
  expect((await pamoja('demo', '--db', db)).status).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pamoja export --doc ward-map', { timeout: 120_000 }, () => {
  it('without boundaries says what to load, and writes no file', async () => {
    for (const format of ['svg', 'png']) {
      const result = await pamoja('export', '--db', db, '--format', format, '--doc', 'ward-map', '--out', out(`none.${format}`));
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain('Isiolo has no ward boundaries loaded, so there is no map to draw');
      expect(result.stderr).toContain('pamoja wards import');
      expect(fs.existsSync(out(`none.${format}`))).toBe(false);
    }
  });

  it('--format png writes the map at 300 dpi, 250 mm wide, each class of the legend shading its wards', async () => {
    expect((await pamoja('wards', 'demo', '--db', db)).status).toBe(0);
    const result = await pamoja('export', '--db', db, '--format', 'png', '--doc', 'ward-map', '--out', out('map.png'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote the ward map of "Isiolo County Joint Work Plan FY 2026\/27" to .*map\.png \(\d+ KB\)\.\n$/);
    const image = decodeRgbaPng(fs.readFileSync(out('map.png')));
    expect(image.width).toBe(Math.round((250 / 25.4) * 300));
    const { classes } = figures({}).legend;
    expect(classes.some((c) => c.wards > 0)).toBe(true);
    for (const entry of classPixels(image, classes, WARD_MAP_SIZE.width)) {
      // A class shades its wards (each far larger than a legend swatch); a class of no ward shows only in the legend.
      if (entry.wards > 0) expect(entry.pixels, entry.label).toBeGreaterThan(entry.wards * 10 * entry.swatch);
      else expect(entry.pixels, entry.label).toBeLessThan(3 * entry.swatch);
    }
  });

  it('--format svg with --sector and --measure draws that selection, named in its subtitle', async () => {
    const result = await pamoja(
      'export',
      '--db',
      db,
      '--format',
      'svg',
      '--doc',
      'ward-map',
      '--sector',
      'Water & WASH',
      '--measure',
      'activities',
      '--out',
      out('water.svg'),
    );
    expect(result.status).toBe(0);
    const svg = fs.readFileSync(out('water.svg'), 'utf8');
    const expected = figures({ sector: 'water_wash' }, 'activities');
    expect(svg).toContain(`>${expected.subtitle.replace(/&/g, '&amp;')}</text>`);
    for (const entry of expected.legend.classes) expect(svg).toContain(`>${entry.label.replace(/&/g, '&amp;')}</text>`);
  });

  it('refuses an --out whose extension is not the format, and writes nothing', async () => {
    const result = await pamoja('export', '--db', db, '--format', 'png', '--doc', 'ward-map', '--out', out('map.svg'));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('--out must name a .png file');
    expect(fs.existsSync(out('map.svg'))).toBe(false);
  });
});
