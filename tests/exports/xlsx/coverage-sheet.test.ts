import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { coverageReport } from '../../../main/services/analysis/reports';
import type { CoverageMatrixDto } from '../../../shared/api/schemas/analysis/coverage';
import { headers, openXlsx, sampleApp, sheet } from './support';

/** The workbook's Coverage sheet (issue 5), re-opened and checked against the coverage service. */
let env: ReturnType<typeof sampleApp>;
let workbook: ExcelJS.Workbook;
let coverage: CoverageMatrixDto;
/** Title, subtitle, a blank row, the table's title, then its header row. */
const COUNT_HEADER_ROW = 5;

beforeAll(async () => {
  env = sampleApp();
  const file = await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'workbook' });
  workbook = await openXlsx(file.buffer);
  coverage = coverageReport(env.app, { cycleId: env.cycle.id, organisationId: null });
});
afterAll(() => env.app.close());

describe('the Coverage sheet', () => {
  it('has wards as rows and sectors as columns, the activity counts above the budgets, one page wide', () => {
    const coverageSheet = sheet(workbook, 'Coverage');
    const expected = ['Ward', 'Sub-county', ...coverage.sectors.map((s) => s.label), 'All sectors'];
    const kesHeaderRow = COUNT_HEADER_ROW + coverage.rows.length + 4;
    expect(coverageSheet.getCell(COUNT_HEADER_ROW - 1, 1).value).toBe('Number of activities');
    expect(headers(coverageSheet, COUNT_HEADER_ROW)).toEqual(expected);
    expect(coverageSheet.getCell(kesHeaderRow - 1, 1).value).toBe('Planned budget (KES)');
    expect(headers(coverageSheet, kesHeaderRow)).toEqual(expected);
    expect(coverageSheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2 });
    expect(coverageSheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, orientation: 'landscape' });
  });

  it('holds the coverage service’s counts and budgets, with empty cells for gaps', () => {
    const coverageSheet = sheet(workbook, 'Coverage');
    expect(coverage.rows.length).toBeGreaterThan(1);
    expect(coverage.activityCount).toBeGreaterThan(0);
    const kesHeaderRow = COUNT_HEADER_ROW + coverage.rows.length + 4;
    let gaps = 0;
    const check = (offset: number, label: string, cells: { activityCount: number; plannedKesMinor: number }[]) => {
      const countRow = coverageSheet.getRow(COUNT_HEADER_ROW + 1 + offset);
      const kesRow = coverageSheet.getRow(kesHeaderRow + 1 + offset);
      expect(countRow.getCell(1).value).toBe(label);
      expect(kesRow.getCell(1).value).toBe(label);
      cells.forEach((cell, index) => {
        const countCell = countRow.getCell(3 + index).value;
        const kesCell = kesRow.getCell(3 + index).value;
        if (cell.activityCount === 0) {
          gaps++;
          expect(countCell, `${label} column ${index}`).toBeNull();
          expect(kesCell, `${label} column ${index}`).toBeNull();
        } else {
          expect(countCell, `${label} column ${index}`).toBe(cell.activityCount);
          expect(kesCell, `${label} column ${index}`).toBe(cell.plannedKesMinor / 100);
        }
      });
    };
    coverage.rows.forEach((row, index) => {
      expect(coverageSheet.getRow(COUNT_HEADER_ROW + 1 + index).getCell(2).value ?? '').toBe(row.subCountyName);
      check(index, row.wardName, [...row.cells, row]);
    });
    check(coverage.rows.length, 'Total', [...coverage.sectorTotals, coverage]);
    expect(gaps).toBeGreaterThan(0);
  });
});
