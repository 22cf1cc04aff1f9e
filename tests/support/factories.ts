import type { AppContext } from '../../main/services/context';
import { createCycle } from '../../main/services/cycles';
import { registerServices as s } from '../../main/services/index';

export const ISIOLO = 'ke-county-011';
export const WABERA = 'ke-ward-0241';
export const GARBATULLA = 'ke-ward-0248';
export const KINNA = 'ke-ward-0249';

/** A cycle with the rows most registers need to refer to. */
export function seedCycle(ctx: AppContext) {
  const cycle = createCycle(ctx, {
    title: 'Isiolo JWP FY 2026/27',
    countyId: ISIOLO,
    fiscalYear: '2026/27',
    startDate: '2026-07-01',
    endDate: '2027-06-30',
    kesPerUsdScaled: 1_293_500,
    exchangeRateDate: '2026-07-01',
  });
  const county = s.organisation.create(ctx, {
    cycleId: cycle.id,
    name: 'County Department of Finance & Economic Planning',
    shortName: 'CDFEP',
    category: 'government',
  });
  const partner = s.organisation.create(ctx, { cycleId: cycle.id, name: 'Resilience Partners Kenya', shortName: 'RPK', category: 'implementing_partner' });
  const objective = s.objective.create(ctx, { cycleId: cycle.id, code: 'O1', statement: 'Increase access to safe water', sector: 'water_wash' });
  const activity = s.activity.create(ctx, {
    cycleId: cycle.id,
    objectiveId: objective.id,
    code: 'A1',
    title: 'Rehabilitate boreholes',
    sector: 'water_wash',
    leadOrgId: partner.id,
    supportingOrgIds: [county.id],
    wardIds: [GARBATULLA, KINNA],
    startDate: '2026-08-01',
    endDate: '2027-03-31',
  });
  const indicator = s.indicator.create(ctx, {
    cycleId: cycle.id,
    code: 'I1',
    name: 'Boreholes rehabilitated',
    type: 'output',
    unit: 'boreholes',
    targetValue: 12,
    responsibleOrgId: partner.id,
  });
  return { cycle, county, partner, objective, activity, indicator };
}
