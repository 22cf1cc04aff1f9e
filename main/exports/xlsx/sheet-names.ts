/** The cycle workbook's sheets, in order; formulas on one sheet name the others. */
export const SHEETS = {
  general: 'General information',
  summary: 'Summary',
  stakeholders: 'Stakeholders',
  objectives: 'Objectives',
  activities: 'Activities',
  budget: 'Budget',
  budgetLines: 'Budget lines',
  coverage: 'Coverage',
  disbursements: 'Disbursements',
  indicators: 'Indicators',
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
