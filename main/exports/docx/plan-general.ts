import type { FileChild } from 'docx';
import { countyDepartments, developmentPartners } from '../../../shared/domain/organisations';
import { cyclePhases, reportingFrequencies, sectors } from '../../../shared/domain/vocabulary';
import { formatRate } from '../../../shared/money';
import type { PlanData } from '../plan-data';
import { dataTable, heading1, keyValueTable, para } from './blocks';
import { count, dateRange, displayDate, orgFullLabel } from './format';

/** Sections 1 and 2 of the Joint Work Plan template (Annex 10.1): general information, objectives. */

export function generalInformation(data: PlanData): FileChild[] {
  const { cycle } = data;
  // The same rule as the workbook's general information and the cost-share: county departments apart.
  const partners = developmentPartners(data.organisations).map(orgFullLabel);
  const departments = countyDepartments(data.organisations).map(orgFullLabel);
  const scope =
    data.scopeUnitNames.length === 0 ? `${cycle.countyName} County (whole county)` : `${cycle.countyName} County: ${data.scopeUnitNames.join(', ')}`;
  return [
    heading1('1 General information'),
    ...keyValueTable('portrait', [
      ['JWP title', cycle.title],
      ['County', `${cycle.countyName} County`],
      ['Geographical scope', scope],
      ['Lead agency / organisation', data.leadOrganisation ? orgFullLabel(data.leadOrganisation) : 'Not yet named'],
      ['County departments', departments.length === 0 ? 'None recorded yet' : departments],
      ['Partner organisations', partners.length === 0 ? 'None recorded yet' : partners],
      ['Fiscal year', `FY ${cycle.fiscalYear}`],
      ['Start and end dates', dateRange(cycle.startDate, cycle.endDate)],
      ['Reporting period', `${reportingFrequencies.label(cycle.reportingPeriod)}: ${data.periods.map((p) => p.label).join(', ')} (county fiscal calendar)`],
      ['Phase', cyclePhases.label(cycle.phase)],
      ['Exchange rate', `KES ${formatRate(cycle.kesPerUsdScaled)} per USD (rate of ${displayDate(cycle.exchangeRateDate)})`],
    ]),
    ...(cycle.notes ? [para(cycle.notes)] : []),
  ];
}

export function objectivesSection(data: PlanData): FileChild[] {
  const activityCount = new Map<string, number>();
  for (const activity of data.activities) activityCount.set(activity.objectiveId, (activityCount.get(activity.objectiveId) ?? 0) + 1);
  return [
    heading1('2 Objectives and priority areas'),
    para(
      `The plan pursues ${count(data.objectives.length, 'objective', 'objectives')}, each linked to the county's CIDP programmes and the Annual Development Plan.`,
    ),
    ...dataTable({
      orientation: 'portrait',
      columns: [
        { header: 'Code', weight: 0.7 },
        { header: 'Objective', weight: 4 },
        { header: 'Priority area', weight: 2 },
        { header: 'CIDP / ADP link', weight: 2 },
        { header: 'Sector', weight: 1.5 },
        { header: 'Activities', weight: 1, align: 'right' },
      ],
      rows: data.objectives.map((o) => [o.code, o.statement, o.priorityArea, o.cidpLink, sectors.label(o.sector), String(activityCount.get(o.id) ?? 0)]),
      empty: 'No objectives are recorded for this cycle yet.',
    }),
  ];
}
