import type { levels } from '../domain/vocabulary';
import { naturalCompare } from '../natural-order';

type Level = (typeof levels.keys)[number];

export type Quadrant = 'manage_closely' | 'keep_satisfied' | 'keep_informed' | 'monitor';

export const quadrantLabels: Record<Quadrant, string> = {
  manage_closely: 'Manage closely',
  keep_satisfied: 'Keep satisfied',
  keep_informed: 'Keep informed',
  monitor: 'Monitor',
};

/** Most attention first. */
export const quadrantOrder: readonly Quadrant[] = ['manage_closely', 'keep_satisfied', 'keep_informed', 'monitor'];

/**
 * The manual's influence × interest grid has two halves per axis; the matrix records three levels.
 * Only High counts as the high half: a Medium stakeholder is watched, not managed closely, until
 * the Secretariat rates it High. The chart draws the dividing lines between Medium and High.
 */
export function stakeholderQuadrant(influence: Level, interest: Level): Quadrant {
  const influential = influence === 'high';
  const interested = interest === 'high';
  if (influential) return interested ? 'manage_closely' : 'keep_satisfied';
  return interested ? 'keep_informed' : 'monitor';
}

/** Axis position of a level's band: Low 0–1, Medium 1–2, High 2–3. */
export const levelCentre: Record<Level, number> = { low: 0.5, medium: 1.5, high: 2.5 };

export interface QuadrantPoint {
  id: string;
  label: string;
  /** Interest (x) and influence (y) on the 0–3 axes, spread within the cell of its two levels. */
  x: number;
  y: number;
  quadrant: Quadrant;
}

/**
 * Organisations sharing a cell (e.g. High/High) would sit on one spot; they are laid out on a small
 * grid inside the cell instead, in name order, so every label can be read and every point clicked.
 */
export function quadrantPoints(orgs: readonly { id: string; label: string; influence: Level; interest: Level }[]): QuadrantPoint[] {
  const cells = new Map<string, typeof orgs>();
  for (const org of [...orgs].sort((a, b) => naturalCompare(a.label, b.label))) {
    const key = `${org.interest}/${org.influence}`;
    cells.set(key, [...(cells.get(key) ?? []), org]);
  }
  return [...cells.values()].flatMap((members) => {
    const columns = Math.ceil(Math.sqrt(members.length * 1.6));
    const rows = Math.ceil(members.length / columns);
    return members.map((org, index) => {
      const column = index % columns;
      const row = Math.floor(index / columns);
      return {
        id: org.id,
        label: org.label,
        x: levelCentre[org.interest] + (column - (columns - 1) / 2) * (0.84 / columns),
        y: levelCentre[org.influence] - (row - (rows - 1) / 2) * (0.8 / rows),
        quadrant: stakeholderQuadrant(org.influence, org.interest),
      };
    });
  });
}
