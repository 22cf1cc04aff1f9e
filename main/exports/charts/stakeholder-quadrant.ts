import { levels } from '../../../shared/domain/vocabulary';
import { quadrantLabels, quadrantOrder, quadrantPoints, type Quadrant } from '../../../shared/analysis/stakeholder-quadrant';
import { el } from '../graphics/index';
import { chart, fitLabel, INK, label, line, rect, UNITS_PER_MM, type Chart } from './frame';

type Level = (typeof levels.keys)[number];

export interface QuadrantMember {
  id: string;
  label: string;
  influence: Level;
  interest: Level;
}

/** Quadrant fills (light) and point colours (dark), the screen's hues. */
const COLOURS: Record<Quadrant, { fill: string; point: string }> = {
  manage_closely: { fill: '#f7dcd9', point: '#b03a2e' },
  keep_satisfied: { fill: '#fbecd3', point: '#b9770e' },
  keep_informed: { fill: '#dbe8f5', point: '#1f618d' },
  monitor: { fill: '#ececec', point: '#616a6b' },
};

/** Above this many organisations the points are drawn without names: the legend counts them. */
const NAMED_POINTS_LIMIT = 40;

const LEVELS: readonly Level[] = ['low', 'medium', 'high'];

/**
 * The stakeholder mapping's influence × interest grid, as the Stakeholders screen draws it: the
 * points come from the same shared layout (shared/analysis/stakeholder-quadrant.ts), the quadrant
 * lines sit between Medium and High, and the legend counts each quadrant's organisations.
 */
export function stakeholderQuadrantChart(members: readonly QuadrantMember[]): Chart {
  const width = 960;
  const height = 500;
  const left = 78;
  const top = 14;
  const legendWidth = 190;
  const plotWidth = width - left - legendWidth - 20;
  const plotHeight = height - top - 62;
  const xOf = (value: number) => left + (value / 3) * plotWidth;
  const yOf = (value: number) => top + (1 - value / 3) * plotHeight;
  const points = quadrantPoints(members);

  const regions: Record<Quadrant, [number, number, number, number]> = {
    keep_satisfied: [0, 2, 2, 3],
    manage_closely: [2, 2, 3, 3],
    monitor: [0, 0, 2, 2],
    keep_informed: [2, 0, 3, 2],
  };
  const body: string[] = [];
  for (const quadrant of quadrantOrder) {
    const [x0, y0, x1, y1] = regions[quadrant];
    body.push(rect(xOf(x0), yOf(y1), xOf(x1) - xOf(x0), yOf(y0) - yOf(y1), COLOURS[quadrant].fill));
  }
  // Level bands (dotted) and the quadrant dividers between Medium and High (solid).
  for (const at of [1, 2]) {
    const style = at === 2 ? { colour: INK.muted, width: 2.5, dash: undefined } : { colour: INK.rule, width: 1, dash: '4 4' };
    body.push(line(xOf(at), yOf(0), xOf(at), yOf(3), style.colour, style.width, style.dash));
    body.push(line(xOf(0), yOf(at), xOf(3), yOf(at), style.colour, style.width, style.dash));
  }
  body.push(rect(xOf(0), yOf(3), plotWidth, plotHeight, 'none', INK.muted));
  LEVELS.forEach((level, index) => {
    body.push(label(xOf(index + 0.5), yOf(0) + 22, levels.label(level), { anchor: 'middle' }));
    body.push(label(left - 8, yOf(index + 0.5) + 5, levels.label(level), { anchor: 'end' }));
  });
  body.push(label(xOf(1.5), yOf(0) + 50, 'Interest in the plan →', { anchor: 'middle', bold: true }));
  body.push(label(22, yOf(1.5), 'Influence over the plan →', { anchor: 'middle', bold: true, rotate: -90 }));

  const named = points.length <= NAMED_POINTS_LIMIT;
  const cellWidth = plotWidth / 3;
  // The shared layout spreads a cell's members over ceil(√(1.6 n)) columns: each name gets one column's width.
  const cellOf = (p: { x: number; y: number }) => `${Math.floor(p.x)}/${Math.floor(p.y)}`;
  const perCell = new Map<string, number>();
  for (const p of points) perCell.set(cellOf(p), (perCell.get(cellOf(p)) ?? 0) + 1);
  for (const p of points) {
    const x = xOf(p.x);
    const y = yOf(p.y);
    body.push(el('circle', { cx: x, cy: y, r: 6, fill: COLOURS[p.quadrant].point, stroke: '#ffffff', 'stroke-width': 1.5 }));
    if (named) {
      const columns = Math.ceil(Math.sqrt((perCell.get(cellOf(p)) ?? 1) * 1.6));
      // Names sit centred under their point: a row of points in a crowded cell keeps each name's room.
      body.push(label(x, y + 19, fitLabel(p.label, (cellWidth * 0.84) / columns - 6, 7), { size: 7, anchor: 'middle' }));
    }
  }

  // The legend: each quadrant's colour, name, count and what it asks of the Secretariat.
  const legendX = width - legendWidth;
  body.push(label(legendX, top + 14, 'Quadrant (organisations)', { bold: true }));
  quadrantOrder.forEach((quadrant, index) => {
    const y = top + 40 + index * 34;
    const n = points.filter((p) => p.quadrant === quadrant).length;
    body.push(rect(legendX, y - 11, 14, 14, COLOURS[quadrant].fill, COLOURS[quadrant].point));
    body.push(label(legendX + 22, y, `${quadrantLabels[quadrant]}: ${n}`));
  });
  const notes = [
    named ? 'Each point is one organisation;' : 'Points are organisations (too',
    named ? 'names as in the matrix.' : 'many to name: see the matrix).',
  ];
  notes.forEach((note, index) => body.push(label(legendX, top + 190 + index * 16, note, { size: 7.5, fill: INK.muted })));
  return chart(width / UNITS_PER_MM, height / UNITS_PER_MM, body.join(''));
}
