import type { OverlapActivity } from '../../shared/analysis/overlaps';

export const overlapNames = { orgName: (id: string) => id.toUpperCase(), wardName: (id: string) => `Ward ${id}` };

let counter = 0;
/** An activity with sensible defaults for the overlap rules; ids sort in creation order. */
export function overlapActivity(fields: Partial<OverlapActivity> = {}): OverlapActivity {
  counter++;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    code: `A${counter}`,
    title: 'Borehole rehabilitation',
    description: '',
    sector: 'water_wash',
    leadOrgId: `org-${counter}`,
    wardIds: ['w1'],
    startDate: '2026-08-01',
    endDate: '2026-10-31',
    status: 'planned',
    ...fields,
  };
}
