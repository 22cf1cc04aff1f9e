import { progressLabels, type ProgressStatus } from './indicator-progress';

/** An indicator's progress as a coloured chip with its words (never colour alone). */
export function StatusChip({ status, detail }: { status: ProgressStatus; detail?: string }) {
  return (
    <span className={`chip chip--${status}`}>
      {progressLabels[status]}
      {detail ? <span className="chip__detail"> {detail}</span> : null}
    </span>
  );
}
