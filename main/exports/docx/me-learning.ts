import type { FileChild } from 'docx';
import { learningSessions, levels, triggerStatuses } from '../../../shared/domain/vocabulary';
import { isWithinPeriod, type ReportingPeriod } from '../../../shared/reporting-periods';
import type { PlanData } from '../plan-data';
import { dataTable, heading1, heading2, para, signatureTable, type Column } from './blocks';
import { displayDate, orgLabel } from './format';
import { reportingStructure } from './me-template-sections';

/**
 * The learning and adaptation end of the M&E report: the learning log with its capture framework
 * (learning template §3), the reporting structure (§4), the recommendations with their priority
 * (M&E template §9), and who prepared and approved the report.
 */

const within = isWithinPeriod;

/** The learning log's columns, in the period's report and at close-out. */
export const learningLogColumns = (followUpHeader: string): Column[] => [
  { header: 'Date · session', weight: 1.4 },
  { header: 'What worked', weight: 2.4 },
  { header: 'What did not', weight: 2.4 },
  { header: 'What can be improved', weight: 2.4 },
  { header: followUpHeader, weight: 2.4 },
];

export function learningSection(data: PlanData, period: ReportingPeriod, number: number): FileChild[] {
  const entries = data.learningEntries.filter((e) => within(e.entryDate, period));
  const question = (e: (typeof entries)[number]) => ({ text: displayDate(e.entryDate), note: learningSessions.label(e.session) });
  return [
    heading1(`${number} Learning`),
    heading2(`${number}.1 Learning log`),
    ...dataTable({
      orientation: 'landscape',
      columns: learningLogColumns('Follow-up (responsible, due)'),
      rows: entries.map((e) => [
        question(e),
        e.whatWorked,
        e.whatDidNot,
        e.improvements,
        { text: e.followUpAction, note: `${orgLabel(data.orgById.get(e.responsibleOrgId))}${e.dueDate ? `, by ${displayDate(e.dueDate)}` : ''}` },
      ]),
      empty: `No learning entries were recorded in ${period.label}.`,
    }),
    heading2(`${number}.2 Learning capture framework`),
    para('How each lesson of the period was captured, when such learning is gathered, and what it is to be used for.'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Date · session', weight: 1.4 },
        { header: 'Methods to capture learning', weight: 2.6 },
        { header: 'Timing', weight: 1.6 },
        { header: 'Responsible party', weight: 1.2 },
        { header: 'Expected use', weight: 3 },
      ],
      rows: entries.map((e) => [question(e), e.captureMethods, e.timing, orgLabel(data.orgById.get(e.responsibleOrgId)), e.expectedUse]),
      empty: `No learning entries were recorded in ${period.label}.`,
    }),
    ...reportingStructure(data, `${number}.3`),
  ];
}

export function recommendations(data: PlanData, number: number): FileChild[] {
  const open = data.adaptiveTriggers.filter((t) => t.status === 'proposed' || t.status === 'accepted');
  // High priority first; within a priority, as the register lists them.
  const rank = (priority: string | null) => (priority === null ? levels.keys.length : levels.keys.findIndex((key) => key === priority));
  const sorted = open.map((t, index) => ({ t, index })).sort((a, b) => rank(a.t.priority) - rank(b.t.priority) || a.index - b.index);
  return [
    heading1(`${number} Recommendations`),
    para('Adaptive actions proposed or accepted and not yet done (the adaptive management plan), high priority first.'),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Trigger', weight: 2.4 },
        { header: 'Recommendation (proposed action)', weight: 3.2 },
        { header: 'Responsible party', weight: 1 },
        { header: 'Timeline', weight: 1.3 },
        { header: 'Expected outcome', weight: 2.2 },
        { header: 'Priority', weight: 0.8 },
        { header: 'Status', weight: 0.9 },
      ],
      rows: sorted.map(({ t }) => [
        t.trigger,
        t.proposedAction,
        orgLabel(data.orgById.get(t.responsibleOrgId)),
        t.timeline,
        t.expectedOutcome,
        t.priority ? levels.label(t.priority) : '',
        triggerStatuses.label(t.status),
      ]),
      empty: 'No adaptive actions are open: none proposed or accepted and not yet done.',
    }),
  ];
}

/**
 * "Prepared by" (the Secretariat officer who produced the report, of the lead organisation) and
 * "Approved by" (the CEC Member for Finance & Economic Planning from the signatories register, else
 * the County Secretary), signature and date blank for wet ink; a name not yet known is an empty line.
 */
export function preparedAndApproved(data: PlanData, preparedBy: string, number: number): FileChild[] {
  const approver = data.signatories.find((s) => s.role === 'cec_finance') ?? data.signatories.find((s) => s.role === 'county_secretary') ?? null;
  return [
    heading1(`${number} Prepared and approved by`),
    signatureTable('landscape', [
      { role: 'Prepared by', name: preparedBy, title: '', organisation: data.leadOrganisation?.name ?? '' },
      {
        role: 'Approved by',
        name: approver?.name ?? '',
        title: approver?.title ?? '',
        organisation: approver ? (data.orgById.get(approver.organisationId)?.name ?? '') : '',
      },
    ]),
  ];
}
