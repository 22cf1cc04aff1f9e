import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportXlsx } from '../../../main/exports/xlsx/index';
import { readMetaSheet } from '../../../main/exports/xlsx/meta-sheet';
import { bindingHolds } from '../../../main/exports/xlsx/template-binding';
import { previewImport } from '../../../main/imports/xlsx/index';
import { testApp } from '../../support/test-app';
import { dumpDatabase } from '../../support/fault-injection';
import { openXlsx, sampleApp } from './support';

/**
 * A partner template's hidden details (cycle, organisation, when and by whom it was made) carry a
 * keyed MAC of this copy: changing any of them, or importing into another copy, is refused.
 */
let env: ReturnType<typeof sampleApp>;
let details: Record<string, string>;

beforeAll(async () => {
  env = sampleApp();
  const { buffer } = await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: 'UDRA' });
  details = readMetaSheet(await openXlsx(buffer)) ?? {};
});
afterAll(() => env.app.close());

describe('the partner template binding', () => {
  it('holds for the details as this copy wrote them', () => {
    expect(details.binding).toMatch(/^[0-9a-f]{64}$/);
    expect(bindingHolds(env.app, details)).toBe(true);
  });

  it('breaks when any one detail is changed, or the binding is missing or damaged', () => {
    for (const name of ['kind', 'version', 'cycleId', 'organisationId', 'exportedAt', 'exportedBy', 'appVersion']) {
      expect(bindingHolds(env.app, { ...details, [name]: `${details[name] ?? ''}x` }), name).toBe(false);
    }
    expect(bindingHolds(env.app, { ...details, binding: '' })).toBe(false);
    expect(bindingHolds(env.app, { ...details, binding: (details.binding ?? '').replace(/^./, (c) => (c === '0' ? '1' : '0')) })).toBe(false);
  });

  it('does not hold in another copy, which writes nothing while refusing it', async () => {
    const other = testApp();
    try {
      expect(bindingHolds(other, details)).toBe(false);
      const { buffer } = await exportXlsx(env.app, { cycleId: env.cycle.id, doc: 'partner-template', partnerOrgId: 'UDRA' });
      const dump = dumpDatabase(other);
      await expect(previewImport(other, { buffer, fileName: 'udra.xlsx' })).rejects.toThrow(
        /"udra\.xlsx" was refused: this template was not issued to the organisation it names by this copy of Pamoja JWP, or was altered/,
      );
      expect(dumpDatabase(other)).toBe(dump);
    } finally {
      other.close();
    }
  });
});
