import type { CycleDto } from '../../shared/api/schemas/cycle';
import type { AppContext } from '../../main/services/context';
import { loadCycleFile, readCycleFile, sampleCycleFile } from '../../main/services/sample';

/**
 * The sample's plan before the CEC approved it: no version, no signature. For tests of approving
 * and signing, which the sample itself has already done (version 1, signed on 28 Aug 2026).
 */
export function loadDraftSample(ctx: AppContext): CycleDto {
  const { approval: _approval, ...file } = readCycleFile(sampleCycleFile(ctx.resourcesDir));
  return loadCycleFile(ctx, { ...file, signatories: file.signatories.map((signatory) => ({ ...signatory, signedOn: null })) });
}
