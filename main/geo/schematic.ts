import { Delaunay } from 'd3-delaunay';
import type { Feature, FeatureCollection, Polygon } from 'geojson';

/**
 * A SCHEMATIC ward layer: invented shapes, not real boundaries. No package carries Kenya's ward
 * boundaries and none can be downloaded here, so tests, the benchmark and the sample's demo use
 * this: each county is a box on a 7 × 7 grid over Kenya, each of its sub-counties a band of the
 * box, and each ward the Voronoi cell of an invented point in its band. The attributes are named
 * as in IEBC's ward shapefile, and every feature says SCHEMATIC=yes.
 */

export interface SchematicWard {
  code: string;
  name: string;
  subCountyName: string;
  countyCode: string;
  countyName: string;
}

/** Kenya's extent (degrees) that the grid of county boxes covers. */
const KENYA_BOX = { west: 34.2, south: -4.4, east: 41.6, north: 4.4 } as const;
const GRID = 7;

/** A small deterministic generator (mulberry32): the same county always gets the same shapes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The county's box on the grid, by its number (001–047), a little inside the cell. */
export function countyBox(countyCode: string): [number, number, number, number] {
  const index = Math.max(0, Number(countyCode) - 1) % (GRID * GRID);
  const width = (KENYA_BOX.east - KENYA_BOX.west) / GRID;
  const height = (KENYA_BOX.north - KENYA_BOX.south) / GRID;
  const x0 = KENYA_BOX.west + (index % GRID) * width;
  const y1 = KENYA_BOX.north - Math.floor(index / GRID) * height;
  return [x0, y1 - height, x0 + width, y1];
}

type Corner = Delaunay.Point;

/** Adds `extra` evenly spaced corners to every edge, the same on both sides of a shared edge. */
function densify(ring: readonly Corner[], extra: number): Corner[] {
  if (extra <= 0) return [...ring];
  const out: Corner[] = [];
  ring.slice(0, -1).forEach((a, i) => {
    const b = ring[i + 1] ?? a;
    out.push(a);
    // Interpolated from the smaller end, so the neighbouring cell (which runs b → a) gets identical numbers.
    const forward = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
    const [from, to] = forward ? [a, b] : [b, a];
    const points: Corner[] = [];
    for (let k = 1; k <= extra; k++) {
      const t = k / (extra + 1);
      points.push([from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]);
    }
    out.push(...(forward ? points : points.reverse()));
  });
  const last = ring.at(-1);
  if (last) out.push(last);
  return out;
}

function countyFeatures(wards: readonly SchematicWard[], extraCorners: number): Feature<Polygon>[] {
  const first = wards[0];
  if (!first) return [];
  const [x0, y0, x1, y1] = countyBox(first.countyCode);
  const next = random(Number(first.countyCode) * 7919 + 17);
  const bands = [...new Set(wards.map((w) => w.subCountyName))];
  const points: [number, number][] = [];
  let left = x0;
  for (const band of bands) {
    const members = wards.filter((w) => w.subCountyName === band);
    const right = left + ((x1 - x0) * members.length) / wards.length;
    // Points on a jittered column grid within the band, so cells come out roughly even.
    const rows = Math.ceil(Math.sqrt(members.length * ((y1 - y0) / Math.max(right - left, 1e-9))));
    const columns = Math.ceil(members.length / Math.max(rows, 1));
    members.forEach((_, index) => {
      const column = index % columns;
      const row = Math.floor(index / columns);
      const cellWidth = (right - left) / columns;
      const cellHeight = (y1 - y0) / Math.ceil(members.length / columns);
      points.push([left + (column + 0.25 + next() * 0.5) * cellWidth, y0 + (row + 0.25 + next() * 0.5) * cellHeight]);
    });
    left = right;
  }
  const ordered = bands.flatMap((band) => wards.filter((w) => w.subCountyName === band));
  const voronoi = Delaunay.from(points).voronoi([x0, y0, x1, y1]);
  return ordered.map((ward, index): Feature<Polygon> => {
    const cell = voronoi.cellPolygon(index) ?? [];
    return {
      type: 'Feature',
      properties: {
        COUNTY_NAM: ward.countyName,
        CONST_NAM: ward.subCountyName,
        WARD_NAME: ward.name,
        WARD_CODE: ward.code,
        SCHEMATIC: 'yes',
      },
      geometry: { type: 'Polygon', coordinates: [densify(cell, extraCorners)] },
    };
  });
}

/** A schematic layer of the given wards (one county, or the whole country), grouped by county. */
export function schematicLayer(wards: readonly SchematicWard[], options: { extraCorners?: number } = {}): FeatureCollection<Polygon> {
  const counties = [...new Set(wards.map((w) => w.countyCode))].sort();
  return {
    type: 'FeatureCollection',
    features: counties.flatMap((code) =>
      countyFeatures(
        wards.filter((w) => w.countyCode === code),
        options.extraCorners ?? 0,
      ),
    ),
  };
}
