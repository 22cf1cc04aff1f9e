import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { formatDisplayDate } from '../../../shared/dates';

const sourceWords: Record<CycleDto['source'], string | null> = {
  created: null,
  sample: 'Sample',
  workbook: 'From a workbook',
  bundle: 'From a bundle',
  rollover: 'Rolled over',
};

/** Badges saying where a cycle came from (the sample, an import) and whether it is archived. */
export function CycleMarks({ cycle }: { cycle: Pick<CycleDto, 'source' | 'archivedAt'> }) {
  const source = sourceWords[cycle.source];
  return (
    <>
      {source ? <span className={`badge badge--source-${cycle.source}`}>{source}</span> : null}
      {cycle.archivedAt ? (
        <span className="badge badge--archived" title={`Archived ${formatDisplayDate(cycle.archivedAt.slice(0, 10))}`}>
          Archived
        </span>
      ) : null}
    </>
  );
}
