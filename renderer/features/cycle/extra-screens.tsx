import type { ReactNode } from 'react';
import type { CycleDto } from '../../../shared/api/schemas/cycle';
import { AnalysisScreen } from '../analysis/AnalysisScreen';
import { BundlesScreen } from '../bundles/BundlesScreen';
import { WordExportPanel } from '../exports/WordExportPanel';
import { ExcelScreen } from '../xlsx/ExcelScreen';
import { LifecycleScreen } from '../lifecycle/LifecycleScreen';
import { MapScreen } from '../map/MapScreen';
import { RoundScreen } from '../rounds/RoundScreen';

export type ExtraScreen = 'deliverables' | 'analysis' | 'map' | 'lifecycle' | 'exchange' | 'reporting-round';

/**
 * Screens built in other feature folders (features/exports for the documents and workbooks a cycle
 * produces, features/analysis for overlaps and reports, features/lifecycle for versions, approval
 * and close-out). Each is listed in the navigation and routed once it is mounted here.
 * `reloadCycle` reads the cycle again, for screens that change it (its phase, its dates).
 */
export type ScreenRender = (cycle: CycleDto, reloadCycle: () => void) => ReactNode;

export const extraScreens: Partial<Record<ExtraScreen, ScreenRender>> = {
  deliverables: (cycle) => (
    <>
      <WordExportPanel cycle={cycle} />
      <ExcelScreen cycle={cycle} />
    </>
  ),
  analysis: (cycle) => <AnalysisScreen cycle={cycle} />,
  map: (cycle) => <MapScreen cycle={cycle} />,
  lifecycle: (cycle, reloadCycle) => <LifecycleScreen cycle={cycle} onCycleChanged={reloadCycle} />,
  exchange: (cycle, reloadCycle) => <BundlesScreen cycle={cycle} onCycleChanged={reloadCycle} />,
  'reporting-round': (cycle) => <RoundScreen cycle={cycle} />,
};
