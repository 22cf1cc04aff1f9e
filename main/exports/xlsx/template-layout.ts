import type { RegisterField } from '../../../shared/api/registers';
import { indicatorDirectionLabels } from '../../../shared/analysis/indicator-progress';
import {
  activityStatuses,
  contributionTypes,
  currencies,
  evaluationCriteria,
  learningSessions,
  riskStatuses,
  sectors,
} from '../../../shared/domain/vocabulary';

/**
 * The partner template's sheets and columns: the export writes them and the import reads them back
 * by header (columns may be reordered, hidden or renamed sheets found again), so both sides share
 * this one description.
 */

export type TemplateRegister = 'activity' | 'contribution' | 'disbursement' | 'indicator' | 'indicatorPeriod' | 'learningEntry' | 'risk';

export type FieldKind =
  | 'rowId'
  | 'text'
  | 'longText'
  | 'date'
  | 'percent'
  | 'measure'
  | 'amount'
  /** A budget line's amount: money, or "in-kind, not valued" (or empty) for in-kind support nobody put a figure on. */
  | 'lineAmount'
  | 'choice'
  | 'yesNo'
  | 'wards'
  | 'organisations'
  | 'objective'
  | 'activity'
  | 'indicator'
  | 'indicatorId'
  | 'contribution'
  | 'contributionId'
  | 'period'
  | 'reference';

/** Drop-down lists on the (hidden) Lists sheet, each a defined name. */
export type ListName =
  | 'Objectives'
  | 'Sectors'
  | 'Statuses'
  | 'Activities'
  | 'Types'
  | 'YesNo'
  | 'Currencies'
  | 'BudgetLines'
  | 'Indicators'
  | 'Directions'
  | 'Periods'
  | 'Criteria'
  | 'Sessions'
  | 'RiskStatuses';

/**
 * What a template column holds: a field of its register's schema, the hidden row id, or a row it
 * belongs to picked by name (an indicator period's indicator, a disbursement's budget line) and
 * that row's details shown for reference.
 */
export type TemplateField<R extends TemplateRegister = TemplateRegister> =
  RegisterField<R> | 'id' | 'indicator' | 'unit' | 'direction' | 'contribution' | 'currency';

export interface TemplateColumn<F extends string = string> {
  /** The API field it fills; `id` for the hidden row id. */
  field: F;
  header: string;
  kind: FieldKind;
  /** The sheet cannot be imported without this column. */
  required?: boolean;
  /** A new row needs a value here. */
  requiredValue?: boolean;
  hidden?: boolean;
  list?: ListName;
  /** Fixed choices: stored key → label. */
  choices?: Record<string, string>;
  /** Other headers people may use for it. */
  aliases?: string[];
  /** Guidance shown as a note on the header cell. */
  note?: string;
  /** Pre-filled to say which row this is, so it does not make a row "filled in" by itself. */
  identifies?: boolean;
  width: number;
}

export interface TemplateSheet<R extends TemplateRegister = TemplateRegister> {
  register: R;
  name: string;
  title: string;
  /** The template version that brought the sheet: a file made before it is read without it. */
  since: number;
  /** The line under the title: what the partner does on this sheet. */
  hint: string;
  /** Only in a template for a round that asks for it (learning entries, risk updates): read when present. */
  optional?: boolean;
  columns: TemplateColumn<TemplateField<R>>[];
}

const ROW_ID: TemplateColumn<'id'> = {
  field: 'id',
  header: 'Row ID',
  kind: 'rowId',
  required: true,
  hidden: true,
  identifies: true,
  width: 12,
  note: 'Pamoja JWP uses this hidden ID to recognise the row. Leave it as it is; leave it empty on rows you add.',
};

const ADD_ROWS_HINT = 'Edit the rows, or add rows below the last one. Choose from the drop-downs where a column has one. See the Instructions sheet.';

const DATE_NOTE = 'A date, e.g. 25 Nov 2026 or 25/11/2026 (day/month/year).';

export const TEMPLATE_SHEETS: { [R in TemplateRegister]: TemplateSheet<R> } = {
  activity: {
    register: 'activity',
    name: 'Activities',
    title: 'Your activities',
    since: 1,
    hint: ADD_ROWS_HINT,
    columns: [
      ROW_ID,
      { field: 'code', header: 'Code', kind: 'text', width: 10, aliases: ['Activity code'] },
      { field: 'title', header: 'Title', kind: 'text', required: true, requiredValue: true, width: 40, aliases: ['Activity', 'Activity title'] },
      { field: 'description', header: 'Description', kind: 'longText', width: 44 },
      { field: 'objectiveId', header: 'Objective', kind: 'objective', list: 'Objectives', required: true, requiredValue: true, width: 40 },
      { field: 'sector', header: 'Sector', kind: 'choice', list: 'Sectors', choices: sectors.labels, required: true, requiredValue: true, width: 22 },
      { field: 'startDate', header: 'Start date', kind: 'date', required: true, requiredValue: true, width: 13, note: DATE_NOTE },
      { field: 'endDate', header: 'End date', kind: 'date', required: true, requiredValue: true, width: 13, note: DATE_NOTE },
      {
        field: 'wardIds',
        header: 'Wards',
        kind: 'wards',
        width: 30,
        note: 'Ward names separated by commas, e.g. Garbatulla, Kinna (listed on the Instructions sheet).',
      },
      {
        field: 'supportingOrgIds',
        header: 'Supporting organisations',
        kind: 'organisations',
        width: 30,
        note: 'Organisation names or short names separated by commas (listed on the Instructions sheet).',
      },
      { field: 'expectedOutput', header: 'Expected output / outcome', kind: 'longText', width: 36, aliases: ['Expected output', 'Expected outcome'] },
      { field: 'status', header: 'Status', kind: 'choice', list: 'Statuses', choices: activityStatuses.labels, width: 12 },
      {
        field: 'completionPct',
        header: 'Completion %',
        kind: 'percent',
        width: 12,
        aliases: ['Completion', '% complete'],
        note: 'A whole number from 0 to 100.',
      },
      { field: 'challenges', header: 'Challenges', kind: 'longText', width: 36 },
      { field: 'actionsTaken', header: 'Actions taken', kind: 'longText', width: 36 },
    ],
  },
  contribution: {
    register: 'contribution',
    name: 'Contributions',
    title: 'Your contributions to the cost-share budget',
    since: 1,
    hint: ADD_ROWS_HINT,
    columns: [
      ROW_ID,
      {
        field: 'activityId',
        header: 'Activity',
        kind: 'activity',
        list: 'Activities',
        width: 40,
        note: 'The activity funded; leave empty for a component outside the action plan (e.g. coordination).',
      },
      { field: 'component', header: 'Budget component', kind: 'text', required: true, requiredValue: true, width: 36, aliases: ['Component'] },
      { field: 'description', header: 'Description', kind: 'longText', width: 40 },
      { field: 'type', header: 'Type', kind: 'choice', list: 'Types', choices: contributionTypes.labels, width: 16 },
      {
        field: 'onBudget',
        header: 'On county budget',
        kind: 'yesNo',
        list: 'YesNo',
        width: 12,
        aliases: ['On budget'],
        note: 'Yes when the money is appropriated through the county budget; No when your organisation spends it directly.',
      },
      {
        field: 'amountMinor',
        header: 'Amount',
        kind: 'lineAmount',
        required: true,
        requiredValue: true,
        width: 16,
        note: 'A number, e.g. 1,200,000 or 1200000.50, in the currency of the next column; for in-kind support whose value was not estimated, "in-kind, not valued".',
      },
      { field: 'currency', header: 'Currency', kind: 'choice', list: 'Currencies', choices: currencies.labels, width: 10 },
      { field: 'utilisationPlan', header: 'Utilisation plan', kind: 'longText', width: 36 },
      { field: 'comments', header: 'Comments', kind: 'longText', width: 36 },
    ],
  },
  disbursement: {
    register: 'disbursement',
    name: 'Disbursements',
    title: 'Money disbursed on your budget lines',
    since: 2,
    hint: 'Type what you disbursed or spent on each budget line in the period, and the date. For a second payment in a period, add a row below. See the Instructions sheet.',
    columns: [
      ROW_ID,
      {
        field: 'contribution',
        header: 'Budget line',
        kind: 'contribution',
        list: 'BudgetLines',
        required: true,
        identifies: true,
        width: 44,
        note: 'One of your lines of the cost-share budget (the Contributions sheet), as the list names it.',
      },
      // Hidden, after the visible name: the sheet's title sits in column B and must show.
      { field: 'contributionId', header: 'Budget line ID', kind: 'contributionId', hidden: true, identifies: true, width: 12 },
      { field: 'periodKey', header: 'Period', kind: 'period', list: 'Periods', required: true, identifies: true, width: 16, aliases: ['Reporting period'] },
      { field: 'currency', header: 'Currency', kind: 'reference', identifies: true, width: 10, note: "The budget line's currency; the amount is in it." },
      {
        field: 'amountMinor',
        header: 'Amount disbursed',
        kind: 'amount',
        required: true,
        requiredValue: true,
        width: 16,
        aliases: ['Disbursed', 'Amount'],
        note: 'The money disbursed or spent on this line in the period, e.g. 1,200,000. Leave the row empty if nothing was.',
      },
      {
        field: 'date',
        header: 'Date disbursed',
        kind: 'date',
        requiredValue: true,
        width: 13,
        aliases: ['Date'],
        note: `${DATE_NOTE} It must fall within the period.`,
      },
      { field: 'notes', header: 'Notes', kind: 'longText', width: 40, aliases: ['Note', 'Comments'] },
    ],
  },
  indicator: {
    register: 'indicator',
    name: 'Indicators',
    title: 'Your indicators and the direction each should move',
    since: 2,
    hint: 'Correct the desired direction where the plan has it wrong (choose from the drop-down). Grey columns are for reference; the JWP Secretariat adds indicators.',
    columns: [
      ROW_ID,
      { field: 'code', header: 'Code', kind: 'reference', identifies: true, width: 8 },
      { field: 'name', header: 'Indicator', kind: 'reference', identifies: true, width: 44 },
      { field: 'unit', header: 'Unit', kind: 'reference', identifies: true, width: 12 },
      { field: 'baselineValue', header: 'Baseline', kind: 'reference', identifies: true, width: 10 },
      { field: 'targetValue', header: 'End target', kind: 'reference', identifies: true, width: 10 },
      {
        field: 'direction',
        header: 'Desired direction',
        kind: 'choice',
        list: 'Directions',
        choices: indicatorDirectionLabels,
        required: true,
        width: 18,
        note: 'Increase, Decrease or Keep within a range: an actual moving the other way is off track. For a range, give its bounds in the next columns.',
      },
      {
        field: 'rangeMin',
        header: 'Range from',
        kind: 'measure',
        width: 10,
        note: 'Only for "Keep within a range": the lowest acceptable value (may be empty).',
      },
      {
        field: 'rangeMax',
        header: 'Range to',
        kind: 'measure',
        width: 10,
        note: 'Only for "Keep within a range": the highest acceptable value (may be empty).',
      },
    ],
  },
  indicatorPeriod: {
    register: 'indicatorPeriod',
    name: 'Indicator periods',
    title: 'Targets and actuals of your indicators',
    since: 1,
    hint: ADD_ROWS_HINT,
    columns: [
      ROW_ID,
      { field: 'indicator', header: 'Indicator', kind: 'indicator', list: 'Indicators', required: true, identifies: true, width: 44 },
      // Hidden, after the visible name: the sheet's title sits in column B and must show.
      { field: 'indicatorId', header: 'Indicator ID', kind: 'indicatorId', hidden: true, identifies: true, width: 12 },
      { field: 'unit', header: 'Unit', kind: 'reference', identifies: true, width: 12, note: 'For reference; changes here are not imported.' },
      {
        field: 'direction',
        header: 'Desired direction',
        kind: 'reference',
        width: 14,
        note: 'Whether the indicator should rise, fall or stay within a range: an actual moving the other way is off track. For reference; change it on the Indicators sheet.',
      },
      { field: 'periodKey', header: 'Period', kind: 'period', list: 'Periods', required: true, identifies: true, width: 16, aliases: ['Reporting period'] },
      { field: 'target', header: 'Target', kind: 'measure', required: true, requiredValue: true, width: 10 },
      { field: 'actual', header: 'Actual', kind: 'measure', width: 10 },
      { field: 'actualNote', header: 'Note on the actual', kind: 'longText', width: 40, aliases: ['Note', 'Notes'] },
      { field: 'evaluationCriterion', header: 'Evaluation criterion', kind: 'choice', list: 'Criteria', choices: evaluationCriteria.labels, width: 16 },
      { field: 'evaluatedOn', header: 'Date of evaluation', kind: 'date', width: 13, note: DATE_NOTE },
    ],
  },
  learningEntry: {
    register: 'learningEntry',
    name: 'Learning',
    title: 'Your learning entries',
    since: 2,
    optional: true,
    hint: 'Add what you learned this period below your earlier entries: what worked, what did not, what to improve. See the Instructions sheet.',
    columns: [
      ROW_ID,
      { field: 'entryDate', header: 'Date', kind: 'date', required: true, requiredValue: true, width: 13, note: DATE_NOTE },
      {
        field: 'session',
        header: 'Session',
        kind: 'choice',
        list: 'Sessions',
        choices: learningSessions.labels,
        required: true,
        requiredValue: true,
        width: 20,
      },
      { field: 'whatWorked', header: 'What worked', kind: 'longText', width: 36 },
      { field: 'whatDidNot', header: 'What did not work', kind: 'longText', width: 36 },
      { field: 'improvements', header: 'Improvements', kind: 'longText', width: 36 },
      { field: 'evidence', header: 'Evidence', kind: 'longText', width: 30 },
      { field: 'followUpAction', header: 'Follow-up action', kind: 'longText', width: 30 },
      { field: 'dueDate', header: 'Follow-up due', kind: 'date', width: 13, note: DATE_NOTE },
    ],
  },
  risk: {
    register: 'risk',
    name: 'Risks',
    title: 'Your risks: status and mitigation',
    since: 2,
    optional: true,
    hint: 'Update the status and mitigation of each risk you are responsible for. Grey columns are for reference; the JWP Secretariat adds risks.',
    columns: [
      ROW_ID,
      { field: 'code', header: 'Code', kind: 'reference', identifies: true, width: 8 },
      { field: 'description', header: 'Risk', kind: 'reference', identifies: true, width: 44 },
      { field: 'status', header: 'Status', kind: 'choice', list: 'RiskStatuses', choices: riskStatuses.labels, required: true, width: 14 },
      { field: 'mitigation', header: 'Mitigation', kind: 'longText', width: 44 },
      { field: 'reviewDate', header: 'Review date', kind: 'date', width: 13, note: DATE_NOTE },
    ],
  },
};

export const TEMPLATE_ORDER: TemplateRegister[] = ['activity', 'contribution', 'disbursement', 'indicator', 'indicatorPeriod', 'learningEntry', 'risk'];

/** What each register's rows may change through a template. */
export interface RegisterRules<R extends TemplateRegister> {
  /** Fields a template row may set or change. */
  editable: RegisterField<R>[];
  /** Fields that cannot be emptied on an existing row (the plan needs a value). */
  nonBlank: RegisterField<R>[];
}

export const REGISTER_RULES: { [R in TemplateRegister]: RegisterRules<R> } = {
  activity: {
    editable: [
      'code',
      'title',
      'description',
      'objectiveId',
      'sector',
      'startDate',
      'endDate',
      'wardIds',
      'supportingOrgIds',
      'expectedOutput',
      'status',
      'completionPct',
      'challenges',
      'actionsTaken',
    ],
    nonBlank: ['title', 'objectiveId', 'sector', 'startDate', 'endDate', 'status', 'completionPct'],
  },
  contribution: {
    editable: ['activityId', 'component', 'description', 'type', 'onBudget', 'amountMinor', 'valueNotEstimated', 'currency', 'utilisationPlan', 'comments'],
    nonBlank: ['component', 'type', 'onBudget', 'amountMinor', 'currency'],
  },
  disbursement: {
    editable: ['amountMinor', 'date', 'notes'],
    nonBlank: ['amountMinor', 'date'],
  },
  indicator: {
    editable: ['direction', 'rangeMin', 'rangeMax'],
    nonBlank: ['direction'],
  },
  learningEntry: {
    editable: ['entryDate', 'session', 'whatWorked', 'whatDidNot', 'improvements', 'evidence', 'followUpAction', 'dueDate'],
    nonBlank: ['entryDate', 'session'],
  },
  risk: {
    editable: ['status', 'mitigation', 'reviewDate'],
    nonBlank: ['status'],
  },
  indicatorPeriod: {
    editable: ['target', 'actual', 'actualNote', 'evaluationCriterion', 'evaluatedOn'],
    nonBlank: ['target'],
  },
};

/**
 * A very hidden sheet with each exported row's values as they were when the template was made, so
 * an import applies what the partner changed and leaves alone what the Secretariat changed since.
 */
export const BASE_SHEET = 'pamoja-base';

export const INSTRUCTIONS_SHEET = 'Instructions';
export const LISTS_SHEET = 'Lists';

/** Rows below the data that carry the drop-downs and formats, for the rows partners add. */
export const SPARE_ROWS = 300;

export const listName = (list: ListName) => `List_${list}`;

/** Headers compared as people retype them: case, spaces, punctuation and a trailing "*" ignored. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[*:]/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}
