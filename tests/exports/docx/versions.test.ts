import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../main/exports/docx/index';
import { approveVersion } from '../../../main/lifecycle/versions';
import { registerServices } from '../../../main/services/index';
import { seedCycle } from '../../support/factories';
import { testApp } from '../../support/test-app';
import { docxParts, plainText } from './docx-reader';

/** Documents name the plan version they print (issue 6): draft, approved version, or revision. */
describe('the version printed on the documents', () => {
  it('follows the cycle from draft to approved version to revision, with the matching fingerprint', async () => {
    const app = testApp();
    const { cycle, activity } = seedCycle(app);
    const footer = async () => {
      const file = await exportDocx(app, cycle.id, { doc: 'approval-pack' });
      const parts = [...docxParts(file.buffer)].filter(([name]) => /word\/footer\d+\.xml/.test(name)).map(([, xml]) => plainText(xml));
      return { text: parts.join('\n'), fingerprint: file.fingerprint };
    };

    const draft = await footer();
    expect(draft.text).toContain(`Version: Working draft (not yet approved) · Content fingerprint ${draft.fingerprint}`);

    const version = approveVersion(app, { cycleId: cycle.id, approvedBy: 'Amina Wario', approvedOn: '2026-08-27', note: '' });
    const approved = await footer();
    expect(approved.fingerprint).toBe(version.fingerprint);
    expect(approved.fingerprint).toBe(draft.fingerprint);
    expect(approved.text).toContain(`Version: Version 1 (approved 27 Aug 2026) · Content fingerprint ${version.fingerprint}`);

    registerServices.activity.update(app, { id: activity.id, changes: { title: 'Rehabilitate and solarise boreholes' } });
    const revision = await footer();
    expect(revision.fingerprint).not.toBe(version.fingerprint);
    expect(revision.text).toContain(`Version: Revision of version 1 in progress (not approved) · Content fingerprint ${revision.fingerprint}`);
    app.close();
  });
});
