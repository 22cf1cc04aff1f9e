import { describe, expect, it } from 'vitest';
import type { ActivityDto } from '../../shared/api/schemas/plan';
import { fiscalQuarters, filterActivities, noFilter, sortByCode } from '../../shared/analysis/activity-filter';
import { approvalStatus } from '../../renderer/features/approvals/approval-status';
import { changedFields, recordName, tableLabel } from '../../renderer/features/audit/audit-format';
import { formatSize } from '../../renderer/features/backups/backup-format';
import { overdueActivities, overdueMilestones, relativeDays, upcomingMilestones } from '../../shared/analysis/due-dates';

const activity = (code: string, fields: Partial<ActivityDto> = {}): ActivityDto => ({
  id: code,
  cycleId: 'c',
  ownerOrgId: null,
  createdAt: '',
  updatedAt: '',
  objectiveId: 'o',
  code,
  title: `Activity ${code}`,
  description: '',
  sector: 'water_wash',
  leadOrgId: 'lead',
  supportingOrgIds: [],
  wardIds: [],
  startDate: '2026-08-01',
  endDate: '2026-09-30',
  expectedOutput: '',
  activityType: null,
  status: 'planned',
  completionPct: 0,
  challenges: '',
  actionsTaken: '',
  ...fields,
});

describe('filtering the action plan', () => {
  const quarters = fiscalQuarters({ startDate: '2026-07-01', endDate: '2027-06-30' });
  const plan = [
    activity('A1.10', { wardIds: ['kinna'], supportingOrgIds: ['udra'] }),
    activity('A1.2', { sector: 'health_nutrition', startDate: '2026-10-01', endDate: '2027-01-15', status: 'ongoing' }),
    activity('A1.1', { title: 'Borehole solarisation', wardIds: ['kinna', 'garba'] }),
  ];

  it('sorts by code as people number them (A1.2 before A1.10)', () => {
    expect(sortByCode(plan).map((a) => a.code)).toEqual(['A1.1', 'A1.2', 'A1.10']);
  });

  it('keeps activities matching every filter: ward, organisation (lead or supporting), quarter, words', () => {
    const codes = (filter: Partial<typeof noFilter>) => filterActivities(plan, { ...noFilter, ...filter }, quarters).map((a) => a.code);
    expect(codes({ wardId: 'kinna' })).toEqual(['A1.10', 'A1.1']);
    expect(codes({ orgId: 'udra' })).toEqual(['A1.10']);
    expect(codes({ quarter: 'Q3' })).toEqual(['A1.2']);
    expect(codes({ quarter: 'Q1', sector: 'water_wash' })).toEqual(['A1.10', 'A1.1']);
    expect(codes({ text: 'borehole SOLAR' })).toEqual(['A1.1']);
    expect(codes({ status: 'ongoing' })).toEqual(['A1.2']);
  });

  it('labels the quarters with the months of the county year', () => {
    expect(quarters.map((q) => q.label)).toEqual(['Q1 (Jul–Sep)', 'Q2 (Oct–Dec)', 'Q3 (Jan–Mar)', 'Q4 (Apr–Jun)']);
  });
});

describe('milestones and overdue items', () => {
  const today = '2026-11-25';
  const milestones = [
    { title: 'Q1 financial report', dueDate: '2026-10-31', status: 'delayed' as const },
    { title: 'Monitoring visit', dueDate: '2026-12-04', status: 'on_track' as const },
    { title: 'Done one', dueDate: '2026-09-01', status: 'completed' as const },
    { title: 'Far away', dueDate: '2027-05-01', status: 'on_track' as const },
  ];

  it('splits open milestones into overdue and coming up in the next two months', () => {
    expect(overdueMilestones(milestones, today).map((m) => m.title)).toEqual(['Q1 financial report']);
    expect(upcomingMilestones(milestones, today).map((m) => m.title)).toEqual(['Monitoring visit']);
    expect(relativeDays('2026-12-04', today)).toBe('in 9 days');
    expect(relativeDays('2026-10-31', today)).toBe('25 days ago');
  });

  it('finds activities past their end date that are neither completed nor cancelled', () => {
    const plan = [
      activity('A1', { endDate: '2026-10-01' }),
      activity('A2', { endDate: '2026-10-01', status: 'completed' }),
      activity('A3', { endDate: '2027-01-01' }),
    ];
    expect(overdueActivities(plan, today).map((a) => a.code)).toEqual(['A1']);
  });
});

describe('approval of the plan', () => {
  const required = [
    { role: 'county_secretary' as const, signedOn: null },
    { role: 'cec_finance' as const, signedOn: null },
    { role: 'partner_leadership' as const, signedOn: null },
  ];

  it('is not approved while a required signatory is missing', () => {
    expect(approvalStatus([]).state).toBe('no_signatories');
    const status = approvalStatus(required.slice(0, 2));
    expect(status.state).toBe('incomplete_list');
    expect(status.headline).toContain("Development partners' leadership");
  });

  it('moves from awaiting to partly signed to approved on the last signature', () => {
    expect(approvalStatus(required).state).toBe('awaiting');
    expect(approvalStatus([{ role: 'county_secretary' as const, signedOn: '2026-08-27' }, ...required.slice(1)]).headline).toBe(
      'Partly signed: 1 of 3 signatories have signed.',
    );
    const all = approvalStatus(required.map((s, i) => ({ ...s, signedOn: `2026-08-2${7 + i}` })));
    expect(all).toMatchObject({ state: 'approved', approvedOn: '2026-08-29' });
  });
});

describe('the audit log in words', () => {
  it('names the register and the record, and lists what an update changed', () => {
    expect(tableLabel('indicator_periods')).toBe('Indicator target / actual');
    expect(recordName(null, { code: 'A1.1', title: 'Boreholes', updatedAt: 'x' })).toBe('A1.1 Boreholes');
    expect(changedFields({ status: 'planned', updatedAt: '1', title: 'T' }, { status: 'ongoing', updatedAt: '2', title: 'T' })).toEqual([
      'Status: planned → ongoing',
    ]);
  });

  it('gives backup sizes in KB, MB and GB', () => {
    expect([formatSize(800), formatSize(3.4 * 1024 * 1024), formatSize(2 * 1024 ** 3)]).toEqual(['1 KB', '3.4 MB', '2.0 GB']);
  });
});
