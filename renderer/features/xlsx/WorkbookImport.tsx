import { Button } from '../../components/ui/Button';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { api } from '../../api/api';
import { saveDownload } from '../../components/files';
import { ImportPanel, workbookPicker, type ImportKind, type PickedWorkbook } from '../imports/ImportPanel';
import { workbookPreviewModel } from '../imports/preview-model';
import { resultOfKind, runXlsxJob } from './xlsx-jobs';

/**
 * A whole cycle from its workbook: into the cycle open (`cycle`), or as a new cycle (`cycle` null).
 * Pick the file, read the preview, then apply; nothing is written before Apply.
 */
export function WorkbookImport({ cycle, heading, onApplied }: { cycle: CycleDto | null; heading: string; onApplied?: (cycleId: string) => void }) {
  const target = cycle ? { cycleId: cycle.id, createNew: false } : { createNew: true };
  const kind: ImportKind<PickedWorkbook> = {
    preview: async (file) => {
      const result = resultOfKind(await runXlsxJob(api('xlsx:workbookPreview', { ...target, ...file }), api), 'workbookPreview');
      return result.ok ? { ok: true, value: workbookPreviewModel(result.value.preview) } : result;
    },
    apply: async (file, { validOnly }) => {
      const result = resultOfKind(await runXlsxJob(api('xlsx:workbookApply', { ...target, ...file, applyValidOnly: validOnly }), api), 'workbookApply');
      if (!result.ok) return result;
      const { applied, cycleId, rejected } = result.value.result;
      if (applied && cycleId) onApplied?.(cycleId);
      const next = rejected ? (
        <p>
          The rows with problems were left out. <Button onClick={() => saveDownload(rejected)}>Download the rows to fix</Button>{' '}
          <span className="muted">Fix them in that workbook and import it here again.</span>
        </p>
      ) : undefined;
      return {
        ok: true,
        value: { applied, message: applied ? 'Saved. A backup was taken first; undo it from the import history.' : 'Nothing was saved.', next },
      };
    },
    applyLabel: cycle ? 'Apply the changes' : 'Create the cycle',
    validOnlyLabel: 'Save the valid rows only, and give me the others back as a workbook to fix',
    fixHint: 'Fix the problems in the file and pick it again, or choose to save the valid rows only.',
    nothingHint: 'Nothing to change: the plan is already as in this workbook.',
  };
  return (
    <ImportPanel
      label={heading}
      lead={
        cycle
          ? 'The cycle workbook, edited in Excel or LibreOffice: rows added, changed or deleted. You see every change and every problem before anything is saved; the import can be undone from the import history.'
          : 'Last year’s plan or this year’s draft, in the cycle workbook (or a blank one filled in): the whole cycle is created in one step, after you have seen what it holds.'
      }
      kind={kind}
      input={workbookPicker('Cycle workbook (.xlsx)')}
    />
  );
}
