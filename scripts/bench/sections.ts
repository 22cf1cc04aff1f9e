import type { AppContext } from '../../main/services/context';
import { reliabilityBench } from './reliability';
import { bundlesBench } from './bundles';
import { analysisBench } from './analysis';
import { docxBench } from './docx';
import { xlsxBench } from './xlsx';
import { renderBench } from './render';
import { mapsBench } from './maps';
import { workbookBench } from './workbook';
import { templateRowsBench } from './template-rows';
import { zipBombsBench } from './zip-bombs';
import { roundsBench } from './rounds';

/** What a feature's benchmark section gets: the large plan already loaded, and the printers. */
export interface BenchContext {
  ctx: AppContext;
  /** The large benchmark plan's cycle. */
  cycleId: string;
  /** A temporary folder, removed after the run. */
  dir: string;
  line(label: string, value: string): void;
  fmt(n: number, digits?: number): string;
}

export interface BenchSection {
  title: string;
  run(bench: BenchContext): Promise<void> | void;
}

/**
 * Each feature area adds its section here (one import and one entry), under the name that
 * `npm run bench -- --only <name>,<name>` picks it by.
 */
export const benchSections: Record<string, BenchSection> = {
  reliability: reliabilityBench,
  bundles: bundlesBench,
  analysis: analysisBench,
  docx: docxBench,
  xlsx: xlsxBench,
  render: renderBench,
  maps: mapsBench,
  workbook: workbookBench,
  templates: templateRowsBench,
  zipbombs: zipBombsBench,
  rounds: roundsBench,
};
