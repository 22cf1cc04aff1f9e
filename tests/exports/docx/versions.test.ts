import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { approveVersion } from '../../../main/lifecycle/versions';
import { registerServices } from '../../../main/services/index';
import { seedCycle } from '../../support/factories';
import { testApp } from '../../support/test-app';
import { docxParts, documentXml, plainText } from './docx-reader';

/** Documents name the plan version they print (issue 6): draft, approved version, or revision. */
describe('the version printed on the documents', () => {
  it('follows the cycle from draft to approved version to revision, with the matching fingerprint', async () => {
    const app = testApp();
    const { cycle, activity } = seedCycle(app);
    const footer = async () => {
      const file = await exportDocx(app, cycle.id, { doc: 'approval-pack' });
      const parts = [...docxParts(file.buffer)].filter(([name]) => /word\/footer\d+\.xml/.test(name)).map(([, xml]) => plainText(xml));
      return { text: parts.join('\n'), body: plainText(documentXml(file.buffer)), fingerprint: file.fingerprint };
    };

    const draft = await footer();
    // A pack asks for a numbered version: it never calls itself a working draft.
    expect(draft.text).toContain(`Version: Version 1 submitted for approval (not yet approved) · Content fingerprint ${draft.fingerprint}`);
    expect(draft.body).toContain(`The Committee is asked to approve version 1 of the Isiolo JWP FY 2026/27 (content fingerprint ${draft.fingerprint})`);
    expect(draft.body).toContain(`We approve version 1 of the Isiolo JWP FY 2026/27, content fingerprint ${draft.fingerprint}, as set out in full`);
    expect(draft.body).not.toMatch(/working draft|for FY 2026\/27 for FY/i);

    const version = approveVersion(app, { cycleId: cycle.id, approvedBy: 'Amina Wario', approvedOn: '2026-08-27', note: '' });
    const approved = await footer();
    expect(approved.fingerprint).toBe(version.fingerprint);
    expect(approved.fingerprint).toBe(draft.fingerprint);
    expect(approved.text).toContain(`Version: Version 1 (approved 27 Aug 2026) · Content fingerprint ${version.fingerprint}`);
    // Approved: the pack is the record of the approval, no longer a request for it.
    expect(approved.body).toContain('Record of approval');
    expect(approved.body).toContain(`Approved on 27 Aug 2026 (approval recorded by Amina Wario): version 1 of the Isiolo JWP FY 2026/27`);
    expect(approved.body).not.toMatch(/is asked to approve|working draft|Recommendation/i);

    registerServices.activity.update(app, { id: activity.id, changes: { title: 'Rehabilitate and solarise boreholes' } });
    const revision = await footer();
    expect(revision.fingerprint).not.toBe(version.fingerprint);
    expect(revision.text).toContain(`Version: Version 2 submitted for approval (not yet approved) · Content fingerprint ${revision.fingerprint}`);
    expect(revision.body).toContain('It revises version 1');
    app.close();
  });
});
