/**
 * The fixed lists users choose from, in their own words (REGISTERS.md).
 * Stored values are the snake_case keys; labels are what screens and documents print.
 */
function vocabulary<const K extends string>(labels: Record<K, string>) {
  const keys = Object.keys(labels) as [K, ...K[]];
  /** Whether a value read from a file or a cell is one of the stored keys. */
  const has = (value: unknown): value is K => keys.some((key) => key === value);
  return { keys, labels, label: (key: K): string => labels[key], has };
}

export const organisationCategories = vocabulary({
  government: 'Government',
  government_agency: 'Government agency',
  donor: 'Donor/partner',
  implementing_partner: 'Implementing partner',
  civil_society: 'Civil society/NGO',
  faith_based: 'Faith-based',
  private_sector: 'Private sector',
  community: 'Community',
  training: 'Training & capacity building',
  other: 'Other',
});

export const levels = vocabulary({ high: 'High', medium: 'Medium', low: 'Low' });

export const sectors = vocabulary({
  water_wash: 'Water & WASH',
  health_nutrition: 'Health & nutrition',
  agriculture_livestock: 'Agriculture & livestock',
  education: 'Education',
  environment_climate: 'Environment & climate',
  infrastructure: 'Infrastructure',
  social_protection: 'Social protection',
  governance: 'Governance',
  trade_enterprise: 'Trade & enterprise',
  peace_security: 'Peace & security',
});

export const reportingFrequencies = vocabulary({
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  biannual: 'Bi-annual',
});

export const cyclePhases = vocabulary({
  preparatory: 'Preparatory',
  planning: 'Planning',
  implementation: 'Implementation',
  monitoring: 'Monitoring, review & adaptation',
  close_out: 'Close-out',
});

/** The kind of work an activity is (the M&E template's "activity type"). */
export const activityTypes = vocabulary({
  infrastructure: 'Infrastructure / works',
  service_delivery: 'Service delivery',
  training: 'Training & capacity building',
  supplies: 'Supplies & distribution',
  community: 'Community mobilisation',
  assessment: 'Assessment, survey & research',
  coordination: 'Coordination & planning',
  policy: 'Policy & advocacy',
  other: 'Other',
});

export const activityStatuses = vocabulary({
  planned: 'Planned',
  ongoing: 'Ongoing',
  completed: 'Completed',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
});

export const contributionTypes = vocabulary({
  cash: 'Cash',
  in_kind: 'In kind',
  human_resources: 'Human resources',
});

export const currencies = vocabulary({ KES: 'KES', USD: 'USD' });

export const indicatorTypes = vocabulary({
  process: 'Process',
  output: 'Output',
  outcome: 'Outcome',
  impact: 'Impact',
});

export const evaluationCriteria = vocabulary({
  relevance: 'Relevance',
  coherence: 'Coherence',
  effectiveness: 'Effectiveness',
  efficiency: 'Efficiency',
  impact: 'Impact',
  sustainability: 'Sustainability',
});

export const riskStatuses = vocabulary({
  open: 'Open',
  mitigated: 'Mitigated',
  occurred: 'Occurred',
  closed: 'Closed',
});

export const milestoneStatuses = vocabulary({
  on_track: 'On track',
  delayed: 'Delayed',
  completed: 'Completed',
  outstanding: 'Outstanding',
});

export const reportTypes = vocabulary({
  milestone: 'Milestone / deliverable',
  progress_report: 'Progress report',
  financial_report: 'Financial report',
  learning_summary: 'Learning summary',
  final_impact_report: 'Final impact report',
  review_meeting: 'Review meeting',
});

export const learningSessions = vocabulary({
  pause_and_reflect: 'Pause-and-reflect session',
  joint_monitoring_visit: 'Joint monitoring visit',
  review_meeting: 'Review meeting',
  other: 'Other',
});

export const triggerKinds = vocabulary({
  indicator_target_missed: 'Indicator target missed',
  budget_overrun: 'Budget overrun',
  stakeholder_feedback: 'Stakeholder feedback',
  other: 'Other',
});

export const triggerStatuses = vocabulary({
  proposed: 'Proposed',
  accepted: 'Accepted',
  dismissed: 'Dismissed',
  done: 'Done',
});

export const signatoryRoles = vocabulary({
  county_secretary: 'County Secretary',
  cec_finance: 'CEC Member for Finance & Economic Planning',
  partner_leadership: "Development partners' leadership",
  other: 'Other',
});

export const adminUnitLevels = vocabulary({
  county: 'County',
  sub_county: 'Sub-county / constituency',
  ward: 'Ward',
});
