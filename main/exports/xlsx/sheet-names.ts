/** The cycle workbook's sheets, in order; formulas on one sheet name the others. */
export const SHEETS = {
  general: 'General information',
  summary: 'Summary',
  stakeholders: 'Stakeholders',
  contacts: 'Contacts',
  objectives: 'Objectives',
  activities: 'Activities',
  budget: 'Budget',
  budgetLines: 'Budget lines',
  coverage: 'Coverage',
  disbursements: 'Disbursements',
  indicators: 'Indicators',
  evaluations: 'Indicator results',
  risks: 'Risks',
  milestones: 'Milestones',
  learning: 'Learning log',
  triggers: 'Adaptive triggers',
  approvals: 'Approvals',
} as const;

/** The named cell holding the cycle's exchange rate; every USD conversion refers to it. */
export const RATE_NAME = 'KES_per_USD';

/** A sheet name as formulas write it: quoted when it has spaces. */
export function sheetRef(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The hidden sheet that says what a Pamoja workbook is, so an import can tell. */
export const META_SHEET = 'pamoja-meta';

/**
 * The hidden last column of every register sheet: the row's id, so an edited workbook imported
 * again finds the row it came from even when its code or name was changed.
 */
export const ROW_ID_HEADER = 'Row ID';
/** The hidden column of a disbursement naming its budget line (component, activity and contributor may repeat). */
export const BUDGET_LINE_ID_HEADER = 'Budget line ID';

/** The labels of the General information sheet, in order; an import finds each value by its label. */
export const GENERAL = {
  title: 'Title',
  county: 'County',
  scope: 'Geographical scope',
  leadAgency: 'Lead agency',
  partners: 'Partner organisations',
  startDate: 'Start date',
  endDate: 'End date',
  reportingPeriod: 'Reporting period',
  fiscalYear: 'Fiscal year',
  phase: 'Phase',
  rate: 'Exchange rate (KES per USD)',
  rateDate: 'Exchange rate date',
  notes: 'Notes',
  exportedBy: 'Exported by',
} as const;

/** The scope of a cycle that covers the whole county. */
export const WHOLE_COUNTY = 'The whole county';
