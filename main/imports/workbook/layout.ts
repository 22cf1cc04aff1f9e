import { indicatorDirectionLabels } from '../../../shared/analysis/indicator-progress';
import {
  activityStatuses,
  activityTypes,
  contributionTypes,
  currencies,
  evaluationCriteria,
  indicatorTypes,
  learningSessions,
  levels,
  milestoneStatuses,
  organisationCategories,
  reportTypes,
  riskStatuses,
  sectors,
  signatoryRoles,
  triggerKinds,
  triggerStatuses,
} from '../../../shared/domain/vocabulary';
import type { FieldKind } from '../../exports/xlsx/template-layout';
import { EVALUATION_HEADERS } from '../../exports/xlsx/evaluations-sheet';
import { BUDGET_LINE_ID_HEADER, ROW_ID_HEADER, SHEETS } from '../../exports/xlsx/sheet-names';
import type { registerServices } from '../../services/index';

/**
 * The cycle workbook's register sheets as an import reads them: which register each sheet fills,
 * and for each header the API field and how its cells are read. The headers are the export's
 * (main/exports/xlsx/register-sheets.ts); the round-trip test fails if the two drift apart.
 */

export type WorkbookRegister = Exclude<keyof typeof registerServices, 'indicatorPeriod'>;

export type WorkbookFieldKind =
  | Exclude<FieldKind, 'reference' | 'indicatorId'>
  /** One organisation, by its name or short name. */
  | 'organisation'
  /** An indicator's link: an activity's code, else an objective's. */
  | 'objectiveOrActivity'
  /** Shown for reading only (a total, a name repeated from another sheet): never imported. */
  | 'output';

export interface WorkbookColumn {
  field: string;
  header: string;
  kind: WorkbookFieldKind;
  /** Fixed choices: stored key → label. */
  choices?: Record<string, string>;
  /** The sheet cannot be read without this column. */
  required?: boolean;
}

/** A sheet as the reader finds it: by its name, or by its header row when renamed. */
export interface SheetShape {
  name: string;
  columns: WorkbookColumn[];
}

export interface WorkbookSheet extends SheetShape {
  register: WorkbookRegister;
  /**
   * What identifies a row when it has no usable Row ID (a row typed in, or a workbook of another
   * cycle): its code, else its name or the fields that together say which row it is.
   */
  naturalKey: (values: Record<string, unknown>) => string;
}

const ROW_ID: WorkbookColumn = { field: 'id', header: ROW_ID_HEADER, kind: 'rowId' };
const text = (field: string, header: string, required = false): WorkbookColumn => ({ field, header, kind: 'text', ...(required ? { required } : {}) });
const long = (field: string, header: string): WorkbookColumn => ({ field, header, kind: 'longText' });
const choice = (field: string, header: string, labels: Record<string, string>, required = false): WorkbookColumn => ({
  field,
  header,
  kind: 'choice',
  choices: labels,
  ...(required ? { required } : {}),
});
const date = (field: string, header: string): WorkbookColumn => ({ field, header, kind: 'date' });
const org = (field: string, header: string): WorkbookColumn => ({ field, header, kind: 'organisation' });
const output = (header: string): WorkbookColumn => ({ field: '', header, kind: 'output' });

const keyOf = (...parts: unknown[]) =>
  parts.map((part) => (Array.isArray(part) ? part.join(',') : String(part ?? '')).trim().toLowerCase().replace(/\s+/g, ' ')).join('\u0000');
/** A row with a code is that code; without one, its text. */
const codeOr = (field: string) => (v: Record<string, unknown>) => (v.code ? keyOf('code', v.code) : keyOf('text', v[field]));

/** The register sheets in the order they are written: a sheet names only rows of the sheets before it. */
export const WORKBOOK_SHEETS: WorkbookSheet[] = [
  {
    register: 'organisation',
    name: SHEETS.stakeholders,
    columns: [
      text('name', 'Stakeholder', true),
      text('shortName', 'Short name'),
      choice('category', 'Category', organisationCategories.labels, true),
      long('role', 'Role / responsibility'),
      choice('interest', 'Interest in JWP', levels.labels),
      choice('influence', 'Level of influence', levels.labels),
      long('involvement', 'Level of involvement'),
      long('communicationStrategy', 'Communication strategy'),
      // The key contact is shown here from the Contacts sheet, where contacts are edited.
      output('Key contact'),
      output('Contact title'),
      output('Phone'),
      output('Email'),
      long('remarks', 'Remarks'),
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.name),
  },
  {
    register: 'contact',
    name: SHEETS.contacts,
    columns: [
      { ...org('organisationId', 'Organisation'), required: true },
      text('name', 'Name', true),
      text('title', 'Title'),
      text('phone', 'Phone'),
      text('email', 'Email'),
      { field: 'isKeyContact', header: 'Key contact', kind: 'yesNo' },
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.organisationId, v.name),
  },
  {
    register: 'objective',
    name: SHEETS.objectives,
    columns: [
      text('code', 'Code'),
      { field: 'statement', header: 'Objective', kind: 'longText', required: true },
      text('priorityArea', 'Priority area'),
      text('cidpLink', 'Link to CIDP / ADP'),
      choice('sector', 'Sector', sectors.labels),
      ROW_ID,
    ],
    naturalKey: codeOr('statement'),
  },
  {
    register: 'activity',
    name: SHEETS.activities,
    columns: [
      text('code', 'Code'),
      text('title', 'Activity', true),
      long('description', 'Description'),
      { field: 'objectiveId', header: 'Objective', kind: 'objective', required: true },
      choice('sector', 'Sector', sectors.labels),
      choice('activityType', 'Activity type', activityTypes.labels),
      org('leadOrgId', 'Lead organisation'),
      { field: 'supportingOrgIds', header: 'Supporting organisations', kind: 'organisations' },
      date('startDate', 'Start date'),
      date('endDate', 'End date'),
      { field: 'wardIds', header: 'Wards', kind: 'wards' },
      long('expectedOutput', 'Expected output / outcome'),
      choice('status', 'Status', activityStatuses.labels),
      { field: 'completionPct', header: 'Completion %', kind: 'percent' },
      long('challenges', 'Challenges'),
      long('actionsTaken', 'Actions taken'),
      ROW_ID,
    ],
    naturalKey: codeOr('title'),
  },
  {
    register: 'contribution',
    name: SHEETS.budgetLines,
    columns: [
      { field: 'activityId', header: 'Activity code', kind: 'activity' },
      // Read only for an activity that has no code (see budget-lines.ts).
      { field: 'activityTitle', header: 'Activity', kind: 'text' },
      output('Sector'),
      text('component', 'Budget component', true),
      long('description', 'Description'),
      { ...org('contributorOrgId', 'Contributor'), required: true },
      choice('type', 'Type', contributionTypes.labels),
      { field: 'onBudget', header: 'On county budget', kind: 'yesNo' },
      { field: 'amountMinor', header: 'Amount', kind: 'lineAmount', required: true },
      choice('currency', 'Currency', currencies.labels),
      output('Amount (KES)'),
      long('utilisationPlan', 'Utilisation plan'),
      long('comments', 'Comments'),
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.activityId, v.contributorOrgId, v.component, v.type, v.currency),
  },
  {
    register: 'disbursement',
    name: SHEETS.disbursements,
    columns: [
      { field: 'component', header: 'Budget component', kind: 'text', required: true },
      { field: 'activityId', header: 'Activity', kind: 'activity' },
      org('contributorOrgId', 'Contributor'),
      { field: 'periodKey', header: 'Reporting period', kind: 'period', required: true },
      date('date', 'Date'),
      { field: 'amountMinor', header: 'Amount', kind: 'amount', required: true },
      output('Currency'),
      output('Amount (KES)'),
      long('notes', 'Notes'),
      { field: 'contributionId', header: BUDGET_LINE_ID_HEADER, kind: 'rowId' },
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.contributionId, v.periodKey, v.date),
  },
  {
    register: 'indicator',
    name: SHEETS.indicators,
    columns: [
      text('code', 'Code'),
      text('name', 'Indicator', true),
      choice('type', 'Type', indicatorTypes.labels),
      text('unit', 'Unit'),
      org('responsibleOrgId', 'Responsible entity'),
      { field: 'link', header: 'Linked objective / activity', kind: 'objectiveOrActivity' },
      { field: 'baselineValue', header: 'Baseline', kind: 'measure' },
      date('baselineDate', 'Baseline date'),
      { field: 'targetValue', header: 'Annual target', kind: 'measure' },
      // The desired direction and band, as the Indicators sheet's drop-down and range columns show them.
      choice('direction', 'Direction', indicatorDirectionLabels),
      { field: 'rangeMin', header: 'Range from', kind: 'measure' },
      { field: 'rangeMax', header: 'Range to', kind: 'measure' },
      long('definition', 'Definition'),
      long('dataSource', 'Data source'),
      long('collectionMethod', 'Collection method'),
      text('frequency', 'Frequency'),
      long('sustainability', 'Sustainability'),
      ROW_ID,
    ],
    naturalKey: codeOr('name'),
  },
  {
    register: 'risk',
    name: SHEETS.risks,
    columns: [
      text('code', 'Code'),
      { field: 'description', header: 'Risk', kind: 'longText', required: true },
      choice('likelihood', 'Likelihood', levels.labels),
      choice('impact', 'Impact', levels.labels),
      long('mitigation', 'Mitigation strategy'),
      org('responsibleOrgId', 'Responsible entity'),
      choice('status', 'Status', riskStatuses.labels),
      date('reviewDate', 'Review date'),
      ROW_ID,
    ],
    naturalKey: codeOr('description'),
  },
  {
    register: 'milestone',
    name: SHEETS.milestones,
    columns: [
      text('title', 'Milestone / deliverable', true),
      choice('kind', 'Kind', reportTypes.labels),
      text('format', 'Report format'),
      text('audience', 'Audience'),
      date('dueDate', 'Due date'),
      { field: 'responsibleOrgIds', header: 'Responsible parties', kind: 'organisations' },
      choice('status', 'Status', milestoneStatuses.labels),
      long('progressNotes', 'Progress notes'),
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.title, v.dueDate),
  },
  {
    register: 'learningEntry',
    name: SHEETS.learning,
    columns: [
      { ...date('entryDate', 'Date'), required: true },
      choice('session', 'Session', learningSessions.labels, true),
      long('whatWorked', 'What worked'),
      long('whatDidNot', 'What did not work'),
      long('improvements', 'What can be improved'),
      long('evidence', 'Evidence'),
      long('captureMethods', 'Methods to capture learning'),
      text('timing', 'Timing'),
      long('expectedUse', 'Expected use'),
      long('followUpAction', 'Follow-up action'),
      org('responsibleOrgId', 'Responsible'),
      date('dueDate', 'Due date'),
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.entryDate, v.session, v.whatWorked),
  },
  {
    register: 'adaptiveTrigger',
    name: SHEETS.triggers,
    columns: [
      choice('kind', 'Kind', triggerKinds.labels),
      { field: 'trigger', header: 'Trigger', kind: 'longText', required: true },
      long('proposedAction', 'Proposed action'),
      text('timeline', 'Timeline'),
      org('responsibleOrgId', 'Responsible'),
      long('expectedOutcome', 'Expected outcome'),
      choice('status', 'Status', triggerStatuses.labels),
      choice('priority', 'Priority', levels.labels),
      { field: 'indicatorId', header: 'Indicator', kind: 'indicator' },
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.trigger),
  },
  {
    register: 'signatory',
    name: SHEETS.approvals,
    columns: [
      text('name', 'Name', true),
      text('title', 'Title'),
      org('organisationId', 'Organisation'),
      choice('role', 'Role', signatoryRoles.labels),
      date('signedOn', 'Date'),
      output('Signature'),
      ROW_ID,
    ],
    naturalKey: (v) => keyOf(v.name, v.organisationId),
  },
];

/**
 * The Indicator results sheet: the note, evaluation criterion and date of indicator periods the
 * Indicators sheet holds. It changes those fields only; periods are added and removed there.
 */
export const EVALUATIONS_SHEET: SheetShape = {
  name: SHEETS.evaluations,
  columns: [
    { field: 'indicatorId', header: EVALUATION_HEADERS.indicator, kind: 'indicator', required: true },
    output(EVALUATION_HEADERS.name),
    { field: 'periodKey', header: EVALUATION_HEADERS.period, kind: 'period', required: true },
    output(EVALUATION_HEADERS.target),
    output(EVALUATION_HEADERS.actual),
    long('actualNote', EVALUATION_HEADERS.note),
    choice('evaluationCriterion', EVALUATION_HEADERS.criterion, evaluationCriteria.labels),
    date('evaluatedOn', EVALUATION_HEADERS.evaluatedOn),
    ROW_ID,
  ],
};

/** Sheets the workbook computes from the registers: an edit there is not read, and the preview says so. */
export const ANALYSIS_SHEETS: string[] = [SHEETS.summary, SHEETS.budget, SHEETS.coverage];

/** Headers compared the way people retype them: case, spacing and punctuation ignored. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}
