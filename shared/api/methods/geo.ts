import { z } from 'zod';
import {
  boundaryLayerDto,
  wardBoundariesDto,
  wardDetailDto,
  wardDetailInput,
  wardImportApplyInput,
  wardImportJobDto,
  wardImportPreviewInput,
  wardMapDto,
  wardMapInput,
} from '../schemas/geo';
import { byCycle } from '../schemas/fields';
import { method } from './define';

/**
 * Ward maps (issue 20). Reading a boundary file is asynchronous (shapefiles are read in chunks)
 * while the dispatcher answers at once, so loading one starts a job and `wards:job` gives its result.
 */
export const geoMethods = {
  'wards:boundaries': method(byCycle, wardBoundariesDto, "The county's ward boundaries (null until loaded) and the cycle's wards."),
  'wards:importPreview': method(
    wardImportPreviewInput,
    z.object({ jobId: z.uuid() }),
    'Starts reading a boundary file; wards:job gives which feature is which ward. Writes nothing.',
  ),
  'wards:importApply': method(
    wardImportApplyInput,
    z.object({ jobId: z.uuid() }),
    "Starts loading a boundary file as the county's wards (backup first); wards:job gives the layer.",
  ),
  'wards:job': method(
    z.strictObject({ jobId: z.uuid() }),
    wardImportJobDto,
    'The state of a boundary load; its result is handed over once. A refused file answers with its reason.',
  ),
  'wards:undo': method(
    byCycle,
    z.object({ undone: boundaryLayerDto, restored: boundaryLayerDto.nullable() }),
    'Undoes the last boundary load: the layer before it comes back.',
  ),
  'wards:demo': method(byCycle, boundaryLayerDto, 'Loads the schematic demo layer (invented shapes, not real boundaries) for the cycle’s county.'),
  'wardMap:figures': method(wardMapInput, wardMapDto, 'What the map shades each ward by, after the action plan’s filters, with its legend.'),
  'wardMap:ward': method(wardDetailInput, wardDetailDto, "One ward's activities, partners, money, indicators and likely duplicates."),
};
