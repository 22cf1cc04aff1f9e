import type { geoMethods } from '../../../shared/api/methods/geo';
import type { WardImportJobDto } from '../../../shared/api/schemas/geo';
import { undoLastLayer } from '../../geo/boundary-store';
import { loadSchematicDemo } from '../../geo/demo-layer';
import { applyWardImport, previewWardImport } from '../../geo/import-wards';
import { getCycle } from '../../services/cycles';
import { wardBoundaries, wardMap, wardMapDetail } from '../../services/maps';
import { jobTable } from '../jobs';
import type { HandlersFor } from './handler-types';

const imports = jobTable<Exclude<WardImportJobDto, { state: 'running' }>>('boundary load');

export const geoHandlers: HandlersFor<typeof geoMethods> = {
  'wards:boundaries': (ctx, { cycleId }) => wardBoundaries(ctx, cycleId),
  'wards:importPreview': (ctx, input) => {
    getCycle(ctx, input.cycleId);
    const file = { bytes: Buffer.from(input.base64, 'base64'), fileName: input.fileName, cycleId: input.cycleId };
    return imports.start(ctx, async () => ({ state: 'preview', preview: await previewWardImport(ctx, file) }));
  },
  'wards:importApply': (ctx, input) => {
    getCycle(ctx, input.cycleId);
    const file = { bytes: Buffer.from(input.base64, 'base64'), fileName: input.fileName, cycleId: input.cycleId };
    return imports.start(ctx, async () => ({
      state: 'applied',
      ...(await applyWardImport(ctx, file, { source: input.source, expectedDigest: input.expectedDigest })),
    }));
  },
  'wards:job': (ctx, { jobId }) => imports.collect(ctx, jobId) ?? { state: 'running' },
  'wards:undo': (ctx, { cycleId }) => undoLastLayer(ctx, getCycle(ctx, cycleId).countyId),
  'wards:demo': (ctx, { cycleId }) => loadSchematicDemo(ctx, cycleId),
  'wardMap:figures': wardMap,
  'wardMap:ward': wardMapDetail,
};
