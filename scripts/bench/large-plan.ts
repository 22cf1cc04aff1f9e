import type { CycleFile } from '../../main/services/sample-file';

/** A deterministic pseudo-random sequence, so every run generates the same plan. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface LargePlanSize {
  organisations: number;
  activities: number;
  contributions: number;
  indicators: number;
  risks: number;
}

export const LARGE_PLAN: LargePlanSize = { organisations: 60, activities: 5_000, contributions: 20_000, indicators: 2_000, risks: 500 };

const sectors = [
  'water_wash',
  'health_nutrition',
  'agriculture_livestock',
  'education',
  'environment_climate',
  'infrastructure',
  'social_protection',
  'governance',
] as const;
const categories = ['government', 'government_agency', 'donor', 'implementing_partner', 'civil_society', 'faith_based', 'private_sector', 'community'] as const;
const levels = ['high', 'medium', 'low'] as const;
const statuses = ['planned', 'ongoing', 'delayed', 'cancelled'] as const;

const iso = (dayOfYear: number) => new Date(Date.UTC(2026, 6, 1 + dayOfYear)).toISOString().slice(0, 10);

/** A county plan far larger than any real one, written as a cycle file for the bulk loader. */
export function generateLargePlan(countyId: string, wardIds: string[], size: LargePlanSize = LARGE_PLAN): CycleFile {
  const next = random(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const orgRef = (i: number) => `org-${i}`;

  const organisations = Array.from({ length: size.organisations }, (_, i) => ({
    ref: orgRef(i),
    name: `Organisation ${i + 1}`,
    shortName: `ORG${i + 1}`,
    category: i === 0 ? ('government' as const) : pick(categories),
    role: 'Implements and co-finances joint activities',
    interest: pick(levels),
    influence: pick(levels),
    involvement: 'Sector working group member',
    communicationStrategy: 'Quarterly review meetings and email updates',
    remarks: '',
    contacts: [{ name: `Contact ${i + 1}`, title: 'Programme Officer', phone: '+254 700 000 000', email: `contact${i + 1}@example.org`, isKeyContact: true }],
  }));
  const objectives = sectors.map((sector, i) => ({
    ref: `obj-${i}`,
    code: `SO${i + 1}`,
    statement: `Improve ${sector.replace('_', ' ')} outcomes`,
    priorityArea: sector,
    cidpLink: `CIDP programme ${i + 1}`,
    sector,
  }));
  const activities = Array.from({ length: size.activities }, (_, i) => {
    const start = Math.floor(next() * 300);
    const objective = i % objectives.length;
    return {
      ref: `act-${i}`,
      objectiveRef: `obj-${objective}`,
      code: `A${i + 1}`,
      title: `Joint activity ${i + 1}`,
      description: 'Generated for the benchmark: a realistic amount of text describing the activity and its approach.',
      sector: sectors[objective] ?? 'governance',
      leadOrgRef: orgRef(i % size.organisations),
      supportingOrgRefs: [orgRef((i + 7) % size.organisations)],
      wardIds: [pick(wardIds), pick(wardIds)].filter((id, index, all) => all.indexOf(id) === index),
      startDate: iso(start),
      endDate: iso(start + 20 + Math.floor(next() * 40)),
      expectedOutput: 'Households served',
      activityType: 'service_delivery' as const,
      status: pick(statuses),
      completionPct: Math.floor(next() * 90),
      challenges: '',
      actionsTaken: '',
    };
  });
  const contributions = Array.from({ length: size.contributions }, (_, i) => ({
    activityRef: `act-${i % size.activities}`,
    component: `Component ${i + 1}`,
    description: 'Cost-share line',
    contributorOrgRef: orgRef(Math.floor(next() * size.organisations)),
    type: 'cash' as const,
    onBudget: i % 3 === 0,
    valueNotEstimated: false,
    amountMinor: 100_000 + Math.floor(next() * 500_000_000),
    currency: i % 4 === 0 ? ('USD' as const) : ('KES' as const),
    utilisationPlan: '',
    comments: '',
    disbursements: [],
  }));
  const indicators = Array.from({ length: size.indicators }, (_, i) => ({
    ref: `ind-${i}`,
    code: `I${i + 1}`,
    name: `Indicator ${i + 1}`,
    definition: 'Generated indicator',
    type: 'output' as const,
    unit: 'households',
    baselineValue: 100,
    baselineDate: '2026-06-30',
    targetValue: 400,
    direction: 'increase' as const,
    rangeMin: null,
    rangeMax: null,
    dataSource: 'Partner reports',
    collectionMethod: 'Records review',
    frequency: 'Quarterly',
    sustainability: '',
    responsibleOrgRef: orgRef(i % size.organisations),
    objectiveRef: `obj-${i % objectives.length}`,
    activityRef: null,
    periods: (['Q1', 'Q2', 'Q3', 'Q4'] as const).map((periodKey, q) => ({
      periodKey,
      target: 100,
      actual: q === 0 ? Math.floor(next() * 120) : null,
      actualNote: '',
      evaluationCriterion: null,
      evaluatedOn: null,
    })),
  }));
  const risks = Array.from({ length: size.risks }, (_, i) => ({
    code: `R${i + 1}`,
    description: `Risk ${i + 1}`,
    likelihood: pick(levels),
    impact: pick(levels),
    mitigation: 'Monitor and adapt',
    responsibleOrgRef: orgRef(i % size.organisations),
    status: 'open' as const,
    reviewDate: '2026-12-15',
  }));
  return {
    cycle: {
      title: 'Benchmark county plan',
      countyId,
      scopeUnitIds: [],
      fiscalYear: '2026/27',
      startDate: '2026-07-01',
      endDate: '2027-06-30',
      reportingPeriod: 'quarterly',
      phase: 'implementation',
      kesPerUsdScaled: 1_293_500,
      exchangeRateDate: '2026-07-01',
      notes: '',
      leadOrgRef: orgRef(0),
    },
    organisations,
    objectives,
    activities,
    contributions,
    indicators,
    risks,
    milestones: [],
    learningEntries: [],
    adaptiveTriggers: [],
    signatories: [],
  };
}

/** Rows the bulk loader writes for a plan (register rows, not link or audit rows). */
export function registerRowCount(plan: CycleFile): number {
  return (
    1 +
    plan.organisations.length +
    plan.organisations.reduce((sum, o) => sum + o.contacts.length, 0) +
    plan.objectives.length +
    plan.activities.length +
    plan.contributions.length +
    plan.indicators.length +
    plan.indicators.reduce((sum, i) => sum + i.periods.length, 0) +
    plan.risks.length
  );
}
