import type { analysisMethods } from '../../../shared/api/methods/analysis';
import type { HandlersFor } from './handler-types';
import { overlapClusterReport } from '../../services/analysis/overlap-clusters';
import { markComplementary, overlapReport, unmarkComplementary } from '../../services/analysis/overlaps';
import { acceptProposal, dismissProposal, triggerProposals } from '../../services/analysis/proposals';
import { calendarIcs, calendarReport, costShareReport, coverageReport, indicatorStatusReport } from '../../services/analysis/reports';
import { getAnalysisSettings, listStatutoryDates, resetStatutoryDates, setStatutoryDates, updateAnalysisSettings } from '../../services/analysis/settings';

/** Joint-planning intelligence: thin calls into main/services/analysis, which call the pure analyses. */
export const analysisHandlers: HandlersFor<typeof analysisMethods> = {
  'overlap:list': (ctx, { cycleId, limit }) => overlapReport(ctx, cycleId, limit),
  'overlap:markComplementary': markComplementary,
  'overlap:unmark': unmarkComplementary,
  'overlap:clusters': (ctx, { cycleId }) => overlapClusterReport(ctx, cycleId),
  'coverage:matrix': coverageReport,
  'costShare:summary': (ctx, { cycleId }) => costShareReport(ctx, cycleId),
  'indicatorStatus:list': (ctx, { cycleId }) => indicatorStatusReport(ctx, cycleId),
  'analysisSettings:get': (ctx, { cycleId }) => getAnalysisSettings(ctx, cycleId),
  'analysisSettings:update': updateAnalysisSettings,
  'triggerProposal:list': (ctx, { cycleId }) => triggerProposals(ctx, cycleId),
  'triggerProposal:accept': acceptProposal,
  'triggerProposal:dismiss': dismissProposal,
  'calendar:list': (ctx, { cycleId }) => calendarReport(ctx, cycleId),
  'calendar:ics': (ctx, { cycleId }) => calendarIcs(ctx, cycleId),
  'statutoryDate:list': (ctx, { cycleId }) => listStatutoryDates(ctx, cycleId),
  'statutoryDate:set': setStatutoryDates,
  'statutoryDate:reset': (ctx, { cycleId }) => resetStatutoryDates(ctx, cycleId),
};
