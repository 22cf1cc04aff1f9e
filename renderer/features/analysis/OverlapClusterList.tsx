import { Button } from '../../components/ui/Button';
import { useState } from 'react';
import type { OverlapClusterDto, OverlapClusterReportDto } from '../../../shared/api/schemas/analysis/overlap-clusters';
import { overlapClustersCsv } from '../../../shared/analysis/overlap-clusters-csv';
import { formatDisplayDate } from '../../../shared/dates';
import { sectors } from '../../../shared/domain/vocabulary';
import { kes } from '../../components/charts/money-format';
import { downloadText } from './download';
import { exportFileName } from '../../../shared/export-file-name';
import type { CycleDto } from '../../../shared/api/schemas/cycle';

const LEVEL_LABEL = { high: 'Likely duplicates', medium: 'Possible duplicates', low: 'Some overlap' } as const;

function ClusterCard({ cluster, number }: { cluster: OverlapClusterDto; number: number }) {
  return (
    <li className={`analysis-pair analysis-pair--${cluster.level}`} aria-label={`Cluster ${number}`}>
      <div className="analysis-pair__head">
        <span className={`analysis-score analysis-score--${cluster.level}`} title="Highest overlap score in the cluster, 0–100">
          {cluster.score}
        </span>
        <span className="analysis-pair__level">
          {number}. {LEVEL_LABEL[cluster.level]}: {cluster.activities.length} activities, {sectors.label(cluster.sector)} in {cluster.wardNames.join(', ')}
        </span>
      </div>
      <p className="analysis-pair__reason">
        All run {formatDisplayDate(cluster.overlapStart)} – {formatDisplayDate(cluster.overlapEnd)}. Money at stake:{' '}
        <strong>{kes(cluster.plannedKesMinor)}</strong> planned for these activities.
      </p>
      <ul className="analysis-pair__activities">
        {cluster.activities.map((activity) => (
          <li key={activity.id}>
            <strong>{activity.code ? `${activity.code} ${activity.title}` : activity.title}</strong>
            <span className="muted">
              {' '}
              — {activity.leadOrgName}, {formatDisplayDate(activity.startDate)} – {formatDisplayDate(activity.endDate)}, {kes(activity.plannedKesMinor)}
            </span>
          </li>
        ))}
      </ul>
      <details className="analysis-details">
        <summary>
          The {cluster.pairs.length} flagged pair{cluster.pairs.length === 1 ? '' : 's'} inside
        </summary>
        <ul className="analysis-cluster-pairs">
          {cluster.pairs.map((pair) => (
            <li key={pair.key}>
              <strong>{pair.score}</strong> {pair.activityA.code || pair.activityA.title} + {pair.activityB.code || pair.activityB.title}: {pair.reason}
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

const PAGE = 10;

/**
 * Likely duplicates grouped into clusters, highest score and most money at stake first, with a CSV
 * of every cluster's pairs for the partners' meeting. Judging a pair complementary is done on the
 * pairs below; a judged pair leaves its cluster.
 */
export function OverlapClusterList({ report, cycle }: { report: OverlapClusterReportDto; cycle: CycleDto }) {
  const [limit, setLimit] = useState(PAGE);
  if (report.clusters.length === 0) return <p className="section__lead">No clusters of likely duplicates.</p>;
  const largest = Math.max(...report.clusters.map((cluster) => cluster.activities.length));
  return (
    <>
      <p className="section__lead">
        {report.clusters.length} cluster{report.clusters.length === 1 ? '' : 's'} of activities in the same sector and ward, running at the same time, with
        similar titles ({report.pairsInClusters} of the {report.pairsFlagged} flagged pairs; the largest cluster has {largest} activities).{' '}
        <Button
          onClick={() =>
            downloadText(exportFileName({ cycle, document: 'overlap-clusters', extension: 'csv' }), overlapClustersCsv(report), 'text/csv;charset=utf-8')
          }
        >
          Download clusters (CSV)
        </Button>
      </p>
      <ol className="analysis-pairs analysis-clusters">
        {report.clusters.slice(0, limit).map((cluster, index) => (
          <ClusterCard key={cluster.key} cluster={cluster} number={index + 1} />
        ))}
      </ol>
      {report.clusters.length > limit ? (
        <Button onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, report.clusters.length - limit)} more of {report.clusters.length - limit} clusters
        </Button>
      ) : null}
    </>
  );
}
