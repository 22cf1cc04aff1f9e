import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../shared/api/client';
import { createDispatcher } from '../../../main/transport/dispatcher';
import { loadSampleCycle } from '../../../main/services/sample';
import { produceWordDocument } from '../../../renderer/features/exports/word-export';
import { testApp } from '../../support/test-app';
import { documentXml, headings } from './docx-reader';

/** The screen's export, through the same typed client and dispatcher the shells use. */
describe('produceWordDocument', () => {
  it('starts the export, asks until it is done and returns the file', async () => {
    const app = testApp();
    const cycleId = loadSampleCycle(app).id;
    const dispatch = createDispatcher(app, () => undefined);
    const client = createApiClient(async (method, input) => dispatch(method, input));
    const result = await produceWordDocument(client, { cycleId, doc: 'plan' }, (ms) => new Promise((resolve) => setTimeout(resolve, ms / 50)));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.fileName).toMatch(/^isiolo-jwp-2026-27-plan-[0-9a-f]{8}\.docx$/);
      expect(headings(documentXml(Buffer.from(result.value.base64, 'base64')), 1)).toContain('9 Annexes');
    }
    const wrong = await produceWordDocument(client, { cycleId, doc: 'me-report', period: 'Q5' });
    expect(wrong.ok ? null : wrong.error.field).toBe('period');
    app.close();
  });
});
