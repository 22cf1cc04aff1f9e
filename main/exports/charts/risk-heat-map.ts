import { levels } from '../../../shared/domain/vocabulary';
import { heatMap, type Severity } from '../../../shared/analysis/risk-matrix';
import type { RiskDto } from '../../../shared/api/schemas/monitoring';
import { chart, INK, label, rect, UNITS_PER_MM, type Chart } from './frame';

const SEVERITY: Record<Severity, { fill: string; text: string; name: string }> = {
  high: { fill: '#e6a29b', text: '#7b1f17', name: 'High (6–9)' },
  medium: { fill: '#f7d9a0', text: '#6e4a06', name: 'Medium (3–4)' },
  low: { fill: '#c5e0b4', text: '#2d5016', name: 'Low (1–2)' },
};

/**
 * The risk register's heat map as the Risks screen draws it (shared/analysis/risk-matrix.ts): impact
 * up, likelihood across, each cell the number of risks not yet closed, coloured by its score.
 */
export function riskHeatMapChart(risks: readonly Pick<RiskDto, 'likelihood' | 'impact' | 'status'>[]): Chart {
  const width = 680;
  const height = 322;
  const left = 96;
  const top = 10;
  const cell = { width: 120, height: 84 };
  const rows = heatMap(risks);
  const body: string[] = [];
  rows.forEach((row, r) => {
    const y = top + r * cell.height;
    body.push(label(left - 10, y + cell.height / 2 + 5, levels.label(row[0]?.impact ?? 'low'), { anchor: 'end' }));
    row.forEach((c, column) => {
      const x = left + column * cell.width;
      const colours = SEVERITY[c.severity];
      body.push(rect(x, y, cell.width, cell.height, c.count === 0 ? '#f7f7f7' : colours.fill, '#ffffff'));
      body.push(
        label(x + cell.width / 2, y + cell.height / 2 + 9, String(c.count), {
          anchor: 'middle',
          size: c.count === 0 ? 11 : 16,
          bold: c.count > 0,
          fill: c.count === 0 ? INK.rule : colours.text,
        }),
      );
    });
  });
  const bottom = top + 3 * cell.height;
  rows[0]?.forEach((c, column) => body.push(label(left + (column + 0.5) * cell.width, bottom + 20, levels.label(c.likelihood), { anchor: 'middle' })));
  body.push(label(left + 1.5 * cell.width, bottom + 44, 'Likelihood →', { anchor: 'middle', bold: true }));
  body.push(label(22, top + 1.5 * cell.height, 'Impact →', { anchor: 'middle', bold: true, rotate: -90 }));

  const legendX = left + 3 * cell.width + 24;
  body.push(label(legendX, top + 14, 'Score', { bold: true }));
  (['high', 'medium', 'low'] as const).forEach((severity, index) => {
    const y = top + 40 + index * 28;
    body.push(rect(legendX, y - 11, 14, 14, SEVERITY[severity].fill));
    body.push(label(legendX + 22, y, SEVERITY[severity].name));
  });
  const live = rows.flat().reduce((sum, c) => sum + c.count, 0);
  body.push(label(legendX, top + 150, `Risks not closed: ${live}`, { bold: true }));
  body.push(label(legendX, top + 170, 'Closed risks are', { size: 7.5, fill: INK.muted }));
  body.push(label(legendX, top + 186, 'not counted.', { size: 7.5, fill: INK.muted }));
  return chart(width / UNITS_PER_MM, height / UNITS_PER_MM, body.join(''));
}
