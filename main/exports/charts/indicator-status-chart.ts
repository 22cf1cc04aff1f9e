import type { IndicatorStatus } from '../../../shared/api/schemas/analysis/indicator-status';
import { chart, INK, label, rect, UNITS_PER_MM, type Chart } from './frame';

/** One row of the chart: a status, its indicators' codes (in the table's order). */
export interface StatusGroup {
  status: IndicatorStatus | 'not_reported';
  label: string;
  codes: readonly string[];
}

/** Red, amber, green as printed county scorecards use them; greys for "no figure yet". */
const RAG: Record<StatusGroup['status'], string> = {
  on_track: '#2e7d32',
  at_risk: '#e0a100',
  off_track: '#c62828',
  no_data: '#8c8c8c',
  not_reported: '#8c8c8c',
  not_due: '#cfcfcf',
};

/**
 * How the indicators stand (RAG): one bar per status with its count and the codes of its
 * indicators, from the same status rule and thresholds as the screens and the tables next to it.
 */
export function indicatorStatusChart(groups: readonly StatusGroup[]): Chart {
  const width = 800;
  const rowHeight = 34;
  const top = 8;
  const nameWidth = 130;
  const barRoom = 230;
  const total = groups.reduce((sum, g) => sum + g.codes.length, 0);
  const body: string[] = [];
  groups.forEach((group, index) => {
    const y = top + index * rowHeight;
    const n = group.codes.length;
    const length = total === 0 ? 0 : Math.max(n === 0 ? 0 : 4, (n / total) * barRoom);
    body.push(label(nameWidth - 8, y + 21, group.label, { anchor: 'end', bold: true }));
    body.push(rect(nameWidth, y + 6, barRoom, rowHeight - 12, '#f2f2f2'));
    if (length > 0) body.push(rect(nameWidth, y + 6, length, rowHeight - 12, RAG[group.status]));
    body.push(label(nameWidth + barRoom + 10, y + 21, `${n}`, { bold: true }));
    body.push(label(nameWidth + barRoom + 44, y + 21, codesText(group.codes, width - nameWidth - barRoom - 50), { size: 8, fill: INK.muted }));
  });
  const height = top + groups.length * rowHeight + 8;
  return chart(width / UNITS_PER_MM, height / UNITS_PER_MM, body.join(''));
}

/** "I1.1, I2.1, I3.2 and 14 more", within `room` drawing units at 8 pt. */
function codesText(codes: readonly string[], room: number): string {
  const fits = Math.floor(room / 5.6);
  const shown: string[] = [];
  for (const [index, code] of codes.entries()) {
    const left = codes.length - index - 1;
    const tail = left > 0 ? ` and ${left} more` : '';
    if (shown.length > 0 && [...shown, code].join(', ').length + tail.length > fits) break;
    shown.push(code);
  }
  const hidden = codes.length - shown.length;
  return hidden > 0 ? `${shown.join(', ')} and ${hidden} more` : shown.join(', ');
}
