import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { ExcelExportPanel } from './ExcelExportPanel';
import { PartnerTemplateImport } from './PartnerTemplateImport';
import { WorkbookImport } from './WorkbookImport';

/** Excel both ways: the cycle workbook and partner templates out; the edited workbook and returned templates in. */
export function ExcelScreen({ cycle, onImported }: { cycle: CycleDto; onImported?: () => void }) {
  return (
    <>
      <ExcelExportPanel cycle={cycle} />
      <WorkbookImport cycle={cycle} heading="Update from a workbook" onApplied={() => onImported?.()} />
      <PartnerTemplateImport cycle={cycle} onApplied={onImported} />
    </>
  );
}
