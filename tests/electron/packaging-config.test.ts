import { describe, expect, it } from 'vitest';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { repoRoot } from '../../main/resource-paths';

/**
 * electron-builder.yml, read and checked by electron-builder's own loader and schema (packaging
 * itself needs downloads and cannot run here): the fuses of the security checklist are flipped and
 * .jwpb files belong to the app.
 */
describe('the packaging configuration', () => {
  it('is valid for electron-builder, flips the fuses and registers .jwpb', async () => {
    const config = await getConfig(repoRoot, 'electron-builder.yml', null);
    await validateConfiguration(config, new DebugLogger(false));
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'jwpb', mimeType: 'application/vnd.pamoja.jwp-bundle+zip' })]);
    // electron-builder registers a file type on Windows only for a per-machine install.
    expect(config.nsis?.perMachine).toBe(true);
  });
});
