import type { RegisterField, RegisterName } from './registers';

/**
 * How each register's fields are named to the user: on its form, at the start of every message
 * about the field (the server's and the form's own), in the audit log, bundle previews and
 * documents. One record per register, keyed by its create schema: a field without a label, or a
 * label for a field the schema does not have, does not compile.
 */
export const registerFieldLabels = {
  organisation: {
    name: 'Name',
    shortName: 'Short name',
    category: 'Category',
    role: 'Role',
    interest: 'Interest in JWP',
    influence: 'Level of influence',
    involvement: 'Level of involvement',
    communicationStrategy: 'Communication strategy',
    remarks: 'Remarks',
  },
  contact: {
    organisationId: 'Organisation',
    name: 'Name',
    title: 'Title',
    phone: 'Phone',
    email: 'Email',
    isKeyContact: 'Key contact person of the organisation',
  },
  objective: {
    code: 'Code',
    statement: 'Objective',
    priorityArea: 'Priority area',
    cidpLink: 'Link to CIDP / ADP',
    sector: 'Sector',
  },
  activity: {
    objectiveId: 'Objective',
    code: 'Code',
    title: 'Activity',
    description: 'Description',
    sector: 'Sector',
    leadOrgId: 'Lead organisation',
    supportingOrgIds: 'Supporting organisations',
    wardIds: 'Wards',
    startDate: 'Start date',
    endDate: 'End date',
    expectedOutput: 'Expected output / outcome',
    activityType: 'Activity type',
    status: 'Status',
    completionPct: 'Completion %',
    challenges: 'Challenges',
    actionsTaken: 'Actions taken',
  },
  contribution: {
    activityId: 'Activity',
    component: 'Budget component',
    description: 'Description',
    contributorOrgId: 'Contributor',
    type: 'Type',
    onBudget: 'On the county budget (appropriated through the county)',
    valueNotEstimated: 'In kind, value not estimated',
    amountMinor: 'Amount',
    currency: 'Currency',
    utilisationPlan: 'Utilisation plan',
    comments: 'Comments',
  },
  disbursement: {
    contributionId: 'Contribution',
    periodKey: 'Reporting period',
    amountMinor: 'Amount',
    date: 'Date',
    notes: 'Notes',
  },
  indicator: {
    code: 'Code',
    name: 'Indicator',
    definition: 'Definition',
    type: 'Type',
    unit: 'Measurement unit',
    baselineValue: 'Baseline value',
    baselineDate: 'Baseline date',
    targetValue: 'Target value',
    direction: 'Desired direction',
    rangeMin: 'Range from',
    rangeMax: 'Range to',
    dataSource: 'Data source',
    collectionMethod: 'Collection method',
    frequency: 'Frequency',
    sustainability: 'Sustainability',
    responsibleOrgId: 'Responsible entity',
    objectiveId: 'Objective',
    activityId: 'Activity',
  },
  indicatorPeriod: {
    indicatorId: 'Indicator',
    periodKey: 'Reporting period',
    target: 'Target',
    actual: 'Actual',
    actualNote: 'Note on the actual',
    evaluationCriterion: 'Evaluation criterion',
    evaluatedOn: 'Date of evaluation',
  },
  risk: {
    code: 'Code',
    description: 'Risk',
    likelihood: 'Likelihood',
    impact: 'Impact',
    mitigation: 'Mitigation strategy',
    responsibleOrgId: 'Responsible entity',
    status: 'Status',
    reviewDate: 'Review date',
  },
  milestone: {
    title: 'Milestone / deliverable',
    kind: 'Kind',
    dueDate: 'Due date',
    responsibleOrgIds: 'Responsible parties',
    status: 'Status',
    progressNotes: 'Progress notes',
    format: 'Report format',
    audience: 'Audience',
  },
  learningEntry: {
    entryDate: 'Date',
    session: 'Session',
    whatWorked: 'What worked',
    whatDidNot: 'What did not work',
    improvements: 'What can be improved',
    evidence: 'Evidence',
    followUpAction: 'Follow-up action',
    captureMethods: 'Methods to capture learning',
    timing: 'Timing',
    expectedUse: 'Expected use',
    responsibleOrgId: 'Responsible',
    dueDate: 'Due date',
  },
  adaptiveTrigger: {
    kind: 'Kind',
    trigger: 'Trigger',
    proposedAction: 'Proposed action',
    timeline: 'Timeline',
    responsibleOrgId: 'Responsible',
    expectedOutcome: 'Expected outcome',
    status: 'Status',
    priority: 'Priority',
    indicatorId: 'Indicator',
  },
  signatory: {
    name: 'Name',
    title: 'Title',
    organisationId: 'Organisation',
    role: 'Signs as',
    sortOrder: 'Order on the signature page',
    signedOn: 'Date signed',
  },
} satisfies { [R in RegisterName]: Record<RegisterField<R>, string> };

/** The fields of the other inputs (cycles, wards, settings, lifecycle steps, files). */
const inputLabels: Readonly<Record<string, string>> = {
  id: 'Record',
  cycleId: 'JWP cycle',
  register: 'Register',
  title: 'Title',
  countyId: 'County',
  scopeUnitIds: 'Geographical scope',
  leadOrgId: 'Lead organisation',
  fiscalYear: 'Fiscal year',
  startDate: 'Start date',
  endDate: 'End date',
  reportingPeriod: 'Reporting period',
  phase: 'Phase',
  kesPerUsdScaled: 'Exchange rate (KES per USD)',
  exchangeRateDate: 'Exchange rate date',
  notes: 'Notes',
  name: 'Name',
  code: 'Code',
  description: 'Description',
  status: 'Status',
  date: 'Date',
  kind: 'Kind',
  level: 'Level',
  parentId: 'Part of',
  confirmTitle: 'Cycle title',
  userName: 'Your name',
  onTrackPct: 'On-track threshold (%)',
  atRiskPct: 'At-risk threshold (%)',
  month: 'Month',
  day: 'Day',
  key: 'Deadline',
  note: 'Note',
  activityAId: 'First activity',
  activityBId: 'Second activity',
  fileName: 'Backup',
  offset: 'First row of the page',
  limit: 'Rows per page',
};

const labelsOf: { [R in RegisterName]: Readonly<Record<string, string>> } = registerFieldLabels;
const registersInOrder = Object.values(labelsOf);

/**
 * A field as users name it: the register's own word for it when the register is known; else the
 * word of the other inputs, or of the first register that has the field.
 */
export function fieldLabel(field: string, register?: RegisterName): string {
  const candidates = [register === undefined ? undefined : labelsOf[register], inputLabels, ...registersInOrder];
  const labels = candidates.find((record) => record !== undefined && Object.hasOwn(record, field));
  return labels?.[field] ?? field;
}

/** "Start date", or for a list item "Wards (item 2)". */
export function labelForPath(path: readonly PropertyKey[], register?: RegisterName): string {
  const fieldKeys = path.filter((part): part is string => typeof part === 'string' && part !== 'changes');
  const last = fieldKeys[fieldKeys.length - 1];
  const label = last === undefined ? 'Input' : fieldLabel(last, register);
  const index = path.findLast((part) => typeof part === 'number');
  return typeof index === 'number' ? `${label} (item ${index + 1})` : label;
}
