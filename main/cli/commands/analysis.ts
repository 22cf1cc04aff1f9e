import fs from 'node:fs';
import path from 'node:path';
import type { CoverageMatrixDto } from '../../../shared/api/schemas/analysis/coverage';
import type { OverlapClusterReportDto } from '../../../shared/api/schemas/analysis/overlap-clusters';
import type { OverlapReportDto } from '../../../shared/api/schemas/analysis/overlaps';
import { sectors } from '../../../shared/domain/vocabulary';
import { formatDisplayDate } from '../../../shared/dates';
import { closeDb } from '../../db/open-db';
import type { AppContext } from '../../services/context';
import { overlapClusterReport } from '../../services/analysis/overlap-clusters';
import { overlapReport } from '../../services/analysis/overlaps';
import { calendarIcs, calendarReport, coverageReport } from '../../services/analysis/reports';
import { asCliError, CliError } from '../cli-error';
import { chooseCycle, openExisting, parseFlags, requireDbFlag } from '../options';
import { alignedTable } from '../table';
import type { Command } from './command';

const out = (text: string) => process.stdout.write(text);

/** Opens the database, runs `work`, closes it; service errors become one plain sentence. */
function withDb<T>(file: string, work: (ctx: AppContext) => T): T {
  const ctx = openExisting(file);
  try {
    return work(ctx);
  } catch (error) {
    throw asCliError(error);
  } finally {
    closeDb(ctx.db);
  }
}

/** 18,500,000.00 KES → "18.5M": a matrix cell has room for a figure, not a sentence. */
export function shortKes(minor: number): string {
  const kes = minor / 100;
  if (kes >= 1e9) return `${(kes / 1e9).toFixed(kes >= 1e10 ? 0 : 1)}B`;
  if (kes >= 1e6) return `${(kes / 1e6).toFixed(kes >= 1e7 ? 0 : 1)}M`;
  if (kes >= 1e3) return `${Math.round(kes / 1e3)}K`;
  return String(Math.round(kes));
}

function overlapText(report: OverlapReportDto, title: string): string {
  const lines: string[] = [];
  const n = report.pairs.length;
  lines.push(`${n === 0 ? 'No' : n} likely duplicate${n === 1 ? '' : 's'} in "${title}" (${report.activitiesChecked} active activities checked).`);
  const describe = (a: OverlapReportDto['pairs'][number]['activityA']) =>
    `${a.code ? `${a.code} ` : ''}${a.title} — ${a.leadOrgName}, ${formatDisplayDate(a.startDate)} – ${formatDisplayDate(a.endDate)}`;
  for (const pair of report.pairs) {
    lines.push('', `  score ${pair.score} (${pair.level})`, `    ${describe(pair.activityA)}`, `    ${describe(pair.activityB)}`, `    ${pair.reason}`);
  }
  if (report.complementary.length > 0) {
    lines.push('', `${report.complementary.length} pair(s) marked complementary, not duplicate (not flagged):`);
    for (const pair of report.complementary) {
      lines.push(
        `  ${pair.activityA.code || pair.activityA.title} + ${pair.activityB.code || pair.activityB.title}${pair.decision.note ? `: ${pair.decision.note}` : ''}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function clusterText(report: OverlapClusterReportDto, title: string): string {
  const n = report.clusters.length;
  const lines = [
    `${n === 0 ? 'No' : n} cluster${n === 1 ? '' : 's'} of likely duplicates in "${title}" (${report.pairsInClusters} of ${report.pairsFlagged} flagged pairs; ${report.activitiesChecked} active activities checked).`,
  ];
  report.clusters.forEach((cluster, index) => {
    lines.push(
      '',
      `${index + 1}. score ${cluster.score} (${cluster.level}): ${cluster.activities.length} activities, ${sectors.label(cluster.sector)} in ${cluster.wardNames.join(', ')}, all running ${formatDisplayDate(cluster.overlapStart)} – ${formatDisplayDate(cluster.overlapEnd)}; KES ${shortKes(cluster.plannedKesMinor)} at stake`,
    );
    for (const a of cluster.activities) {
      lines.push(
        `    ${a.code ? `${a.code} ` : ''}${a.title} — ${a.leadOrgName}, ${formatDisplayDate(a.startDate)} – ${formatDisplayDate(a.endDate)}, KES ${shortKes(a.plannedKesMinor)}`,
      );
    }
    lines.push(
      `    pairs: ${cluster.pairs.map((pair) => `${pair.activityA.code || pair.activityA.title} + ${pair.activityB.code || pair.activityB.title} (${pair.score})`).join(', ')}`,
    );
  });
  return lines.join('\n') + '\n';
}

function coverageText(matrix: CoverageMatrixDto, title: string): string {
  const header = ['ward', ...matrix.sectors.map((s) => s.label), 'total'];
  const cell = (count: number, kes: number) => (count === 0 ? '—' : `${count} / ${shortKes(kes)}`);
  const rows = matrix.rows.map((row) => [
    row.wardName,
    ...row.cells.map((c) => cell(c.activityCount, c.plannedKesMinor)),
    cell(row.activityCount, row.plannedKesMinor),
  ]);
  rows.push(['all wards', ...matrix.sectorTotals.map((c) => cell(c.activityCount, c.plannedKesMinor)), cell(matrix.activityCount, matrix.plannedKesMinor)]);
  const wardCells = matrix.rows.filter((r) => r.wardId !== null).length * matrix.sectors.length;
  return (
    `Coverage of "${title}": activities / planned KES per ward and sector (— = gap; K, M, B = thousand, million, billion).\n` +
    'A multi-ward activity counts in each of its wards, its budget split evenly among them; the all-wards row counts it once.\n\n' +
    alignedTable(header, rows) +
    `\nGaps: ${matrix.gapCount} of ${wardCells} ward × sector cells are empty.` +
    (matrix.wardsWithoutActivity.length > 0
      ? ` Wards with no activity: ${matrix.wardsWithoutActivity.join(', ')}.`
      : ' Every ward has at least one activity.') +
    '\n'
  );
}

/** Joint-planning intelligence: overlaps, the coverage matrix and the joint calendar. */
export const analysisCommands = {
  overlaps: {
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, cycle: { type: 'string' }, json: { type: 'boolean' }, clusters: { type: 'boolean' } });
      return withDb(requireDbFlag(values.db), (ctx) => {
        const cycle = chooseCycle(ctx, values.cycle);
        if (values.clusters) {
          const report = overlapClusterReport(ctx, cycle.id);
          out(values.json ? JSON.stringify(report, null, 2) + '\n' : clusterText(report, cycle.title));
          return 0;
        }
        const report = overlapReport(ctx, cycle.id);
        out(values.json ? JSON.stringify(report, null, 2) + '\n' : overlapText(report, cycle.title));
        return 0;
      });
    },
  },

  coverage: {
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, cycle: { type: 'string' }, org: { type: 'string' }, json: { type: 'boolean' } });
      return withDb(requireDbFlag(values.db), (ctx) => {
        const cycle = chooseCycle(ctx, values.cycle);
        const matrix = coverageReport(ctx, { cycleId: cycle.id, organisationId: values.org ?? null });
        out(values.json ? JSON.stringify(matrix, null, 2) + '\n' : coverageText(matrix, cycle.title));
        return 0;
      });
    },
  },

  calendar: {
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, cycle: { type: 'string' }, out: { type: 'string' } });
      const file = requireDbFlag(values.db);
      if (typeof values.out !== 'string' || values.out === '') throw new CliError('say where to write the calendar with --out FILE.ics.');
      const target = values.out;
      return withDb(file, (ctx) => {
        const cycle = chooseCycle(ctx, values.cycle);
        const ics = calendarIcs(ctx, cycle.id);
        const { overdueCount, dueSoonCount } = calendarReport(ctx, cycle.id);
        try {
          fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
          fs.writeFileSync(target, ics.content);
        } catch (error) {
          throw new CliError(`could not write ${target}: ${error instanceof Error ? error.message : String(error)}`);
        }
        out(`Wrote ${ics.eventCount} events of "${cycle.title}" to ${target} (${overdueCount} overdue, ${dueSoonCount} due in the next 14 days).\n`);
        return 0;
      });
    },
  },
} satisfies Record<string, Command>;
