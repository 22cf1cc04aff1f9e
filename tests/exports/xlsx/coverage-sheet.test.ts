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
const HEADER_ROW = 4;

beforeAll(async () => {
  env = sampleApp();
  const file = await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'workbook' });
  workbook = await openXlsx(file.buffer);
  coverage = coverageReport(env.app, { cycleId: env.cycle.id, organisationId: null });
});
afterAll(() => env.app.close());

describe('the Coverage sheet', () => {
  it('has wards as rows and two columns per sector, header frozen, fitted to one page wide', () => {
    const coverageSheet = sheet(workbook, 'Coverage');
    expect(headers(coverageSheet, HEADER_ROW)).toEqual([
      'Ward',
      'Sub-county',
      ...coverage.sectors.flatMap((s) => [`${s.label}: activities`, `${s.label}: KES`]),
      'Activities',
      'Planned (KES)',
    ]);
    expect(coverageSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(coverageSheet.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, orientation: 'landscape' });
  });

  it('holds the coverage service’s counts and budgets, with empty cells for gaps', () => {
    const coverageSheet = sheet(workbook, 'Coverage');
    expect(coverage.rows.length).toBeGreaterThan(1);
    expect(coverage.activityCount).toBeGreaterThan(0);
    let gaps = 0;
    const check = (rowNumber: number, label: string, cells: { activityCount: number; plannedKesMinor: number }[]) => {
      const row = coverageSheet.getRow(rowNumber);
      expect(row.getCell(1).value).toBe(label);
      cells.forEach((cell, index) => {
        const countCell = row.getCell(3 + index * 2).value;
        const kesCell = row.getCell(4 + index * 2).value;
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
      expect(coverageSheet.getRow(HEADER_ROW + 1 + index).getCell(2).value ?? '').toBe(row.subCountyName);
      check(HEADER_ROW + 1 + index, row.wardName, [...row.cells, row]);
    });
    check(HEADER_ROW + 1 + coverage.rows.length, 'Total', [...coverage.sectorTotals, coverage]);
    expect(gaps).toBeGreaterThan(0);
  });
});
