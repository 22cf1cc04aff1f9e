import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { ExcelExportPanel } from './ExcelExportPanel';
import { ExcelImportPanel } from './ExcelImportPanel';
import { WorkbookImportPanel } from './WorkbookImportPanel';

/** Excel both ways: the cycle workbook and partner templates out; the edited workbook and returned templates in. */
export function ExcelScreen({ cycle, onImported }: { cycle: CycleDto; onImported?: () => void }) {
  return (
    <>
      <ExcelExportPanel cycle={cycle} />
      <WorkbookImportPanel cycle={cycle} heading="Update from a workbook" onApplied={() => onImported?.()} />
      <ExcelImportPanel cycle={cycle} onApplied={onImported} />
    </>
  );
}
