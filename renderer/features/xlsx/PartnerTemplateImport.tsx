import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { api } from '../../api/api';
import { ImportPanel, workbookPicker, type ImportKind, type PickedWorkbook } from '../imports/ImportPanel';
import { partnerTemplatePreviewModel } from '../imports/preview-model';
import { resultOfKind, runXlsxJob } from './xlsx-jobs';

/**
 * A returned partner template: pick the file, see every addition, change and error, then apply.
 * Nothing is written before Apply; a file with errors is applied only if the valid rows alone are chosen.
 */
export function PartnerTemplateImport({ cycle, onApplied }: { cycle: CycleDto; onApplied?: () => void }) {
  const kind: ImportKind<PickedWorkbook> = {
    preview: async (file) => {
      const result = resultOfKind(await runXlsxJob(api('xlsx:importPreview', { cycleId: cycle.id, ...file }), api), 'preview');
      return result.ok ? { ok: true, value: partnerTemplatePreviewModel(result.value.preview) } : result;
    },
    apply: async (file, { validOnly, preview }) => {
      const input = { cycleId: cycle.id, ...file, applyValidOnly: validOnly, ...(preview.digest ? { expectedDigest: preview.digest } : {}) };
      const result = resultOfKind(await runXlsxJob(api('xlsx:importApply', input), api), 'apply');
      if (!result.ok) return result;
      const { summary } = result.value;
      if (summary.applied) onApplied?.();
      const leftOut = summary.rowsWithErrors ? `; ${summary.rowsWithErrors} rows with errors left out` : '';
      return {
        ok: true,
        value: {
          applied: summary.applied,
          message: summary.applied ? `Saved: ${summary.added} added, ${summary.changed} changed${leftOut}.` : 'Nothing was saved.',
        },
      };
    },
    applyLabel: 'Apply',
    validOnlyLabel: 'Save the valid rows only, leaving out the rows with errors',
    fixHint: 'Fix the errors in the file and pick it again, or choose to save the valid rows only.',
    nothingHint: 'Nothing to import: every row is as in the plan.',
  };
  return (
    <ImportPanel
      label="Import a returned partner template"
      lead="Pamoja JWP shows what the file would add and change, and any rows it cannot accept, before anything is saved."
      kind={kind}
      input={workbookPicker('Workbook (.xlsx)')}
    />
  );
}
