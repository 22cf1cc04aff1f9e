import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { ExcelExportPanel } from './ExcelExportPanel';
import { ExcelImportPanel } from './ExcelImportPanel';

/** Excel both ways: the cycle workbook and partner templates out, returned templates in. */
export function ExcelScreen({ cycle, onImported }: { cycle: CycleDto; onImported?: () => void }) {
  return (
    <>
      <ExcelExportPanel cycle={cycle} />
      <ExcelImportPanel cycle={cycle} onApplied={onImported} />
    </>
  );
}
