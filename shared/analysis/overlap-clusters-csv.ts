import { sectors } from '../domain/vocabulary';
import type { OverlapClusterReportDto } from '../api/schemas/analysis/overlap-clusters';

const HEADER = [
  'Cluster',
  'Cluster score',
  'Sector',
  'Wards all share',
  'All run from',
  'All run to',
  'Money at stake (KES)',
  'Pair score',
  'Activity A',
  'Lead A',
  'Activity B',
  'Lead B',
  'Reason',
];

/** A spreadsheet reads a cell starting with = + - @ (or a tab or return) as a formula: such text is quoted as text. */
function cell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const activity = (a: { code: string; title: string }) => (a.code ? `${a.code} ${a.title}` : a.title);

/**
 * The clusters as CSV for Excel: one row per pair inside a cluster, each row carrying its cluster's
 * number, score, wards, common days and money at stake, so a filter on the first column shows one
 * cluster. Amounts in whole shillings; dates as ISO dates, which spreadsheets read as dates.
 */
export function overlapClustersCsv(report: OverlapClusterReportDto): string {
  const rows = [HEADER.map(cell).join(',')];
  report.clusters.forEach((cluster, index) => {
    for (const pair of cluster.pairs) {
      rows.push(
        [
          index + 1,
          cluster.score,
          sectors.label(cluster.sector),
          cluster.wardNames.join('; '),
          cluster.overlapStart,
          cluster.overlapEnd,
          Math.round(cluster.plannedKesMinor / 100),
          pair.score,
          activity(pair.activityA),
          pair.activityA.leadOrgName,
          activity(pair.activityB),
          pair.activityB.leadOrgName,
          pair.reason,
        ]
          .map(cell)
          .join(','),
      );
    }
  });
  // A byte-order mark, so Excel reads the file as UTF-8 (names with accents, the en dash).
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
