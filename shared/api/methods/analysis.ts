import { calendarDto, calendarIcsDto, statutoryDateListDto, statutoryDatesSetInput } from '../schemas/analysis/calendar';
import { costShareDto } from '../schemas/analysis/cost-share';
import { coverageInput, coverageMatrixDto } from '../schemas/analysis/coverage';
import { analysisSettingsDto, analysisSettingsUpdateInput, indicatorStatusReportDto } from '../schemas/analysis/indicator-status';
import { overlapClusterReportDto } from '../schemas/analysis/overlap-clusters';
import { markComplementaryInput, overlapDecisionDto, overlapListInput, overlapReportDto } from '../schemas/analysis/overlaps';
import {
  acceptProposalInput,
  acceptProposalOutput,
  dismissProposalInput,
  proposalDecisionDto,
  triggerProposalReportDto,
} from '../schemas/analysis/trigger-proposals';
import { byCycle, byId, deleted } from '../schemas/fields';
import { method } from './define';

/** Joint-planning intelligence (issue 5): overlaps, coverage, cost share, indicator status, triggers, calendar. */
export const analysisMethods = {
  'overlap:list': method(
    overlapListInput,
    overlapReportDto,
    'Pairs of activities that look like duplicates, scored, with the reason, the first `limit` of them; complementary pairs apart.',
  ),
  'overlap:markComplementary': method(
    markComplementaryInput,
    overlapDecisionDto,
    'Marks a pair "complementary, not duplicate" with a note; it is not flagged again.',
  ),
  'overlap:unmark': method(byId, deleted, 'Takes back a "complementary" mark, so the pair is flagged again.'),
  'overlap:clusters': method(
    byCycle,
    overlapClusterReportDto,
    'Likely duplicates grouped into clusters (same sector, a common ward and days, similar titles), by score and money at stake.',
  ),

  'coverage:matrix': method(coverageInput, coverageMatrixDto, 'Wards × sectors: activities and planned budget per cell; empty cells are gaps.'),
  'costShare:summary': method(byCycle, costShareDto, 'Who pays for what: county vs partners, cash vs in kind, planned vs disbursed per period.'),

  'indicatorStatus:list': method(byCycle, indicatorStatusReportDto, 'On track / at risk / off track / no data per indicator and period.'),
  'analysisSettings:get': method(byCycle, analysisSettingsDto, "The cycle's indicator status thresholds."),
  'analysisSettings:update': method(analysisSettingsUpdateInput, analysisSettingsDto, "Sets the cycle's on-track and at-risk thresholds (%)."),

  'triggerProposal:list': method(byCycle, triggerProposalReportDto, 'Adaptive triggers proposed by off-track indicators and overspent budget lines.'),
  'triggerProposal:accept': method(acceptProposalInput, acceptProposalOutput, 'Accepts a proposal: adds it to the adaptive triggers register as accepted.'),
  'triggerProposal:dismiss': method(dismissProposalInput, proposalDecisionDto, 'Dismisses a proposal; it is not proposed again.'),

  'calendar:list': method(byCycle, calendarDto, 'The joint calendar: cycle, milestones, reporting periods and statutory budget dates.'),
  'calendar:ics': method(byCycle, calendarIcsDto, 'The joint calendar as an .ics file for Outlook and Google Calendar.'),
  'statutoryDate:list': method(byCycle, statutoryDateListDto, "The county's statutory budget dates as this cycle uses them."),
  'statutoryDate:set': method(statutoryDatesSetInput, statutoryDateListDto, "Replaces the cycle's statutory budget dates (month and day of each)."),
  'statutoryDate:reset': method(byCycle, statutoryDateListDto, 'Returns to the PFM Act default dates.'),
};
