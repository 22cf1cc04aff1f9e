import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './sync-columns';

/**
 * One table per register of REGISTERS.md. Rows that partners exchange carry the sync columns below
 * (docs/sync-metadata.md): a UUID, the owning organisation, timestamps, the hybrid-logical-clock
 * stamp of their last change and the installation that made it. Deletions leave a tombstone.
 */

export const installation = sqliteTable('installation', {
  id: text('id').primaryKey(),
  /** Short id that stamps this installation's clock readings. */
  nodeId: text('node_id').notNull(),
  userName: text('user_name').notNull().default(''),
  lastHlc: text('last_hlc'),
  lastCycleId: text('last_cycle_id'),
  createdAt: text('created_at').notNull(),
});

export const adminUnits = sqliteTable(
  'admin_units',
  {
    id: text('id').primaryKey(),
    level: text('level', { enum: ['county', 'sub_county', 'ward'] }).notNull(),
    name: text('name').notNull(),
    code: text('code').notNull().default(''),
    parentId: text('parent_id').references((): AnySQLiteColumn => adminUnits.id),
    updatedAt: text('updated_at').notNull(),
    hlc: text('hlc').notNull(),
    origin: text('origin').notNull(),
  },
  (t) => [index('admin_units_parent').on(t.parentId)],
);

export const cycles = sqliteTable('cycles', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  countyId: text('county_id')
    .notNull()
    .references(() => adminUnits.id),
  leadOrgId: text('lead_org_id').references((): AnySQLiteColumn => organisations.id, { onDelete: 'set null' }),
  fiscalYear: text('fiscal_year').notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  reportingPeriod: text('reporting_period', { enum: ['monthly', 'quarterly', 'biannual'] }).notNull(),
  phase: text('phase', { enum: ['preparatory', 'planning', 'implementation', 'monitoring', 'close_out'] }).notNull(),
  kesPerUsdScaled: integer('kes_per_usd_scaled').notNull(),
  exchangeRateDate: text('exchange_rate_date').notNull(),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  hlc: text('hlc').notNull(),
  origin: text('origin').notNull(),
});

export const cycleScopeUnits = sqliteTable(
  'cycle_scope_units',
  {
    cycleId: text('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => adminUnits.id),
  },
  (t) => [primaryKey({ columns: [t.cycleId, t.unitId] })],
);

export const organisations = sqliteTable(
  'organisations',
  {
    ...syncColumns(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull().default(''),
    category: text('category').notNull(),
    role: text('role').notNull().default(''),
    interest: text('interest').notNull(),
    influence: text('influence').notNull(),
    involvement: text('involvement').notNull().default(''),
    communicationStrategy: text('communication_strategy').notNull().default(''),
    remarks: text('remarks').notNull().default(''),
  },
  (t) => [index('organisations_cycle').on(t.cycleId)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    ...syncColumns(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    isKeyContact: integer('is_key_contact', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('contacts_cycle').on(t.cycleId), index('contacts_org').on(t.organisationId)],
);

export const objectives = sqliteTable(
  'objectives',
  {
    ...syncColumns(),
    code: text('code').notNull().default(''),
    statement: text('statement').notNull(),
    priorityArea: text('priority_area').notNull().default(''),
    cidpLink: text('cidp_link').notNull().default(''),
    sector: text('sector').notNull(),
  },
  (t) => [index('objectives_cycle').on(t.cycleId)],
);

export const activities = sqliteTable(
  'activities',
  {
    ...syncColumns(),
    objectiveId: text('objective_id')
      .notNull()
      .references(() => objectives.id),
    code: text('code').notNull().default(''),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sector: text('sector').notNull(),
    leadOrgId: text('lead_org_id')
      .notNull()
      .references(() => organisations.id),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    expectedOutput: text('expected_output').notNull().default(''),
    /** The kind of work (M&E template's "activity type"); null until someone says. */
    activityType: text('activity_type'),
    status: text('status').notNull(),
    completionPct: integer('completion_pct').notNull().default(0),
    challenges: text('challenges').notNull().default(''),
    actionsTaken: text('actions_taken').notNull().default(''),
  },
  (t) => [index('activities_cycle').on(t.cycleId), index('activities_lead').on(t.leadOrgId), index('activities_objective').on(t.objectiveId)],
);

/** Part of the activity row: travels and is versioned with it. */
export const activityWards = sqliteTable(
  'activity_wards',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => adminUnits.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.unitId] }), index('activity_wards_unit').on(t.unitId)],
);

export const activitySupporters = sqliteTable(
  'activity_supporters',
  {
    activityId: text('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.organisationId] }), index('activity_supporters_org').on(t.organisationId)],
);

export const contributions = sqliteTable(
  'contributions',
  {
    ...syncColumns(),
    activityId: text('activity_id').references(() => activities.id),
    component: text('component').notNull(),
    description: text('description').notNull().default(''),
    contributorOrgId: text('contributor_org_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type').notNull(),
    onBudget: integer('on_budget', { mode: 'boolean' }).notNull().default(false),
    amountMinor: integer('amount_minor').notNull(),
    /**
     * In-kind support whose value nobody estimated (its amount is then 0): such a line is listed in
     * every deliverable but counted in no total (shared/budget-lines.ts).
     */
    valueNotEstimated: integer('value_not_estimated', { mode: 'boolean' }).notNull().default(false),
    currency: text('currency', { enum: ['KES', 'USD'] }).notNull(),
    utilisationPlan: text('utilisation_plan').notNull().default(''),
    comments: text('comments').notNull().default(''),
  },
  (t) => [
    index('contributions_cycle').on(t.cycleId),
    index('contributions_activity').on(t.activityId),
    index('contributions_contributor').on(t.contributorOrgId),
  ],
);

export const disbursements = sqliteTable(
  'disbursements',
  {
    ...syncColumns(),
    contributionId: text('contribution_id')
      .notNull()
      .references(() => contributions.id),
    periodKey: text('period_key').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    date: text('date').notNull(),
    notes: text('notes').notNull().default(''),
  },
  (t) => [index('disbursements_cycle').on(t.cycleId), index('disbursements_contribution').on(t.contributionId)],
);

export const indicators = sqliteTable(
  'indicators',
  {
    ...syncColumns(),
    code: text('code').notNull().default(''),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    type: text('type').notNull(),
    unit: text('unit').notNull(),
    baselineValue: real('baseline_value'),
    baselineDate: text('baseline_date'),
    targetValue: real('target_value').notNull(),
    /** increase | decrease | range (shared/analysis/indicator-progress.ts); rows made before it had a column take the inference. */
    direction: text('direction').notNull().default('increase'),
    rangeMin: real('range_min'),
    rangeMax: real('range_max'),
    dataSource: text('data_source').notNull().default(''),
    collectionMethod: text('collection_method').notNull().default(''),
    frequency: text('frequency').notNull().default(''),
    /** How the result lasts once support ends (M&E template §8, results and impact). */
    sustainability: text('sustainability').notNull().default(''),
    responsibleOrgId: text('responsible_org_id')
      .notNull()
      .references(() => organisations.id),
    objectiveId: text('objective_id').references(() => objectives.id),
    activityId: text('activity_id').references(() => activities.id),
  },
  (t) => [index('indicators_cycle').on(t.cycleId)],
);

export const indicatorPeriods = sqliteTable(
  'indicator_periods',
  {
    ...syncColumns(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id),
    periodKey: text('period_key').notNull(),
    target: real('target').notNull(),
    actual: real('actual'),
    actualNote: text('actual_note').notNull().default(''),
    evaluationCriterion: text('evaluation_criterion'),
    evaluatedOn: text('evaluated_on'),
  },
  (t) => [index('indicator_periods_cycle').on(t.cycleId), uniqueIndex('indicator_periods_key').on(t.indicatorId, t.periodKey)],
);

export const risks = sqliteTable(
  'risks',
  {
    ...syncColumns(),
    code: text('code').notNull().default(''),
    description: text('description').notNull(),
    likelihood: text('likelihood').notNull(),
    impact: text('impact').notNull(),
    mitigation: text('mitigation').notNull().default(''),
    responsibleOrgId: text('responsible_org_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status').notNull(),
    reviewDate: text('review_date'),
  },
  (t) => [index('risks_cycle').on(t.cycleId)],
);

export const milestones = sqliteTable(
  'milestones',
  {
    ...syncColumns(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    dueDate: text('due_date').notNull(),
    status: text('status').notNull(),
    progressNotes: text('progress_notes').notNull().default(''),
    /** A report's format and audience (learning template §4, reporting structure). */
    format: text('format').notNull().default(''),
    audience: text('audience').notNull().default(''),
  },
  (t) => [index('milestones_cycle').on(t.cycleId)],
);

export const milestoneParties = sqliteTable(
  'milestone_parties',
  {
    milestoneId: text('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.milestoneId, t.organisationId] }), index('milestone_parties_org').on(t.organisationId)],
);

export const learningEntries = sqliteTable(
  'learning_entries',
  {
    ...syncColumns(),
    entryDate: text('entry_date').notNull(),
    session: text('session').notNull(),
    whatWorked: text('what_worked').notNull().default(''),
    whatDidNot: text('what_did_not').notNull().default(''),
    improvements: text('improvements').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    followUpAction: text('follow_up_action').notNull().default(''),
    /** The learning capture framework (learning template §3): how, when, and for what use. */
    captureMethods: text('capture_methods').notNull().default(''),
    timing: text('timing').notNull().default(''),
    expectedUse: text('expected_use').notNull().default(''),
    responsibleOrgId: text('responsible_org_id')
      .notNull()
      .references(() => organisations.id),
    dueDate: text('due_date'),
  },
  (t) => [index('learning_entries_cycle').on(t.cycleId)],
);

export const adaptiveTriggers = sqliteTable(
  'adaptive_triggers',
  {
    ...syncColumns(),
    kind: text('kind').notNull(),
    trigger: text('trigger').notNull(),
    proposedAction: text('proposed_action').notNull(),
    timeline: text('timeline').notNull().default(''),
    responsibleOrgId: text('responsible_org_id')
      .notNull()
      .references(() => organisations.id),
    expectedOutcome: text('expected_outcome').notNull().default(''),
    status: text('status').notNull(),
    /** High, medium or low (M&E template §9, recommendations); null until someone says. */
    priority: text('priority'),
    indicatorId: text('indicator_id').references(() => indicators.id),
  },
  (t) => [index('adaptive_triggers_cycle').on(t.cycleId)],
);

export const signatories = sqliteTable(
  'signatories',
  {
    ...syncColumns(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    signedOn: text('signed_on'),
  },
  (t) => [index('signatories_cycle').on(t.cycleId)],
);

/** A deleted exchangeable row: kept so a deletion travels in bundles and is never resurrected. */
export const tombstones = sqliteTable(
  'tombstones',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    cycleId: text('cycle_id').notNull(),
    ownerOrgId: text('owner_org_id'),
    deletedAt: text('deleted_at').notNull(),
    hlc: text('hlc').notNull(),
    origin: text('origin').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] }), index('tombstones_cycle').on(t.cycleId)],
);

/** Append-only: the app never updates or deletes an audit row. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userName: text('user_name').notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    cycleId: text('cycle_id'),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
    /** The id of the first entry of the same change (one save, delete, import, roll-over): undo takes a change back whole. */
    changeId: integer('change_id'),
  },
  (t) => [index('audit_log_row').on(t.rowId), index('audit_log_cycle').on(t.cycleId, t.id), index('audit_log_change').on(t.changeId)],
);

export * from './schema-analysis';
export * from './schema-lifecycle';
export * from './schema-bundles';
export * from './schema-geo';
export * from './schema-rounds';
export * from './schema-cycle-marks';
