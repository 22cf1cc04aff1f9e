import { describe, expect, it } from 'vitest';
import { EXPORT_DOCUMENTS, exportFileName, fileNamePart } from '../../shared/export-file-name';

const isiolo = { countyName: 'Isiolo', fiscalYear: '2026/27' };

describe('exportFileName', () => {
  it('names every document <county>-jwp-<fy>-<document>[-<organisation>][-<period>][-<tag>].<extension>', () => {
    expect(exportFileName({ cycle: isiolo, document: 'plan', tag: '3f9a0c12', extension: 'docx' })).toBe('isiolo-jwp-2026-27-plan-3f9a0c12.docx');
    expect(exportFileName({ cycle: isiolo, document: 'me-report', period: 'Q2', tag: '3f9a0c12', extension: 'docx' })).toBe(
      'isiolo-jwp-2026-27-me-report-q2-3f9a0c12.docx',
    );
    expect(exportFileName({ cycle: isiolo, document: 'workbook', extension: 'xlsx' })).toBe('isiolo-jwp-2026-27-workbook.xlsx');
    expect(exportFileName({ cycle: isiolo, document: 'partner-template', organisation: 'UDRA', period: 'Q2', extension: 'xlsx' })).toBe(
      'isiolo-jwp-2026-27-partner-template-udra-q2.xlsx',
    );
    expect(exportFileName({ cycle: isiolo, document: 'full-bundle', tag: '2026-12-07', extension: 'jwpb' })).toBe(
      'isiolo-jwp-2026-27-full-bundle-2026-12-07.jwpb',
    );
    expect(exportFileName({ cycle: isiolo, document: 'calendar', extension: 'ics' })).toBe('isiolo-jwp-2026-27-calendar.ics');
  });

  it('names a file of no cycle without county or year', () => {
    expect(exportFileName({ cycle: null, document: 'blank-workbook', extension: 'xlsx' })).toBe('jwp-blank-workbook.xlsx');
  });

  it('writes lower-case ASCII only, whatever the names hold', () => {
    const name = exportFileName({
      cycle: { countyName: "Murang'a County", fiscalYear: '2027/28' },
      document: 'partner-bundle',
      organisation: 'Société Kénya / Ushirika — Ng’ombe & Co.',
      tag: '2027-08-01',
      extension: 'jwpb',
    });
    expect(name).toBe('murang-a-jwp-2027-28-partner-bundle-societe-kenya-ushirika-ng-ombe-co-2027-08-01.jwpb');
    for (const document of EXPORT_DOCUMENTS) {
      const each = exportFileName({
        cycle: { countyName: 'Tharaka-Nithi', fiscalYear: '2026/27' },
        document,
        organisation: '  ',
        period: null,
        extension: 'csv',
      });
      expect(each).toMatch(/^tharaka-nithi-jwp-2026-27-[a-z0-9]+(-[a-z0-9]+)*\.csv$/);
    }
  });

  it('keeps a long organisation name short enough to read in a folder, cut at a whole word', () => {
    const name = exportFileName({
      cycle: isiolo,
      document: 'partner-template',
      organisation: 'Northern Rangelands Trust Livestock Marketing and Drought Resilience Programme',
      period: 'Q3',
      extension: 'xlsx',
    });
    expect(name).toBe('isiolo-jwp-2026-27-partner-template-northern-rangelands-trust-livestock-q3.xlsx');
    expect(fileNamePart('Trust ')).toBe('trust');
  });
});
