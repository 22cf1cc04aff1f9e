import type { FileChild } from 'docx';
import { levels, milestoneStatuses, organisationCategories, reportTypes } from '../../../shared/domain/vocabulary';
import type { PlanData } from '../plan-data';
import { dataTable, heading1, heading2, para, type Column, type RowSpec } from './blocks';
import { count, displayDate, orgLabel, shillings } from './format';
import { splitByWidth } from './column-parts';
import { registerTable } from './register-table';
import { wardMapFigures, type WardMapPictures } from './ward-maps';

/** Section 9 of the Joint Work Plan: the stakeholder mapping matrix and the joint calendar. */

export function stakeholderMatrix(data: PlanData): FileChild[] {
  const keyContacts = new Map<string, string[]>();
  for (const contact of data.contacts) {
    if (!contact.isKeyContact) continue;
    const lines = [contact.name, contact.title, contact.phone, contact.email].filter(Boolean);
    keyContacts.set(contact.organisationId, [...(keyContacts.get(contact.organisationId) ?? []), ...lines]);
  }
  const matrix = registerTable(
    'organisation',
    [
      { field: 'name', header: 'Stakeholder', weight: 2, cell: (o) => ({ text: o.name, bold: true, note: o.shortName }) },
      { field: 'category', header: 'Category', weight: 1.1, cell: (o) => organisationCategories.label(o.category) },
      { field: 'role', header: 'Role / responsibility', weight: 2.2, cell: (o) => o.role },
      { field: 'interest', header: 'Interest', weight: 0.8, cell: (o) => levels.label(o.interest) },
      { field: 'influence', header: 'Influence', weight: 0.85, cell: (o) => levels.label(o.influence) },
      { field: 'involvement', header: 'Level of involvement', weight: 1.8, cell: (o) => o.involvement },
      { field: 'communicationStrategy', header: 'Communication strategy', weight: 2, cell: (o) => o.communicationStrategy },
      { header: 'Key contact', weight: 1.8, cell: (o) => keyContacts.get(o.id) ?? '' },
      { field: 'remarks', header: 'Remarks', weight: 1.8, cell: (o) => o.remarks },
    ],
    { shortName: 'printed under the name' },
  );
  return [
    heading2('9.1 Stakeholder mapping matrix'),
    ...dataTable({
      orientation: 'landscape',
      columns: matrix.columns,
      rows: data.organisations.map(matrix.row),
      empty: 'No organisations are recorded for this cycle yet.',
    }),
  ];
}

export function jointCalendar(data: PlanData): FileChild[] {
  const { cycle } = data;
  const entries = [
    ...data.statutoryDates.map((d) => ({
      date: d.date,
      event: d.title,
      kind: 'County budget calendar (PFM Act, 2012)',
      responsible: 'County Treasury',
      status: '',
    })),
    ...data.milestones.map((m) => ({
      date: m.dueDate,
      event: m.title,
      kind: `JWP: ${reportTypes.label(m.kind)}`,
      responsible: m.responsibleOrgIds.map((id) => orgLabel(data.orgById.get(id))).join(', ') || '—',
      status: milestoneStatuses.label(m.status),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return [
    heading2('9.2 Joint calendar'),
    para(
      `The JWP review and reporting milestones beside the county's statutory budget calendar for FY ${cycle.fiscalYear}, so partners can plan around the county's deadlines.`,
    ),
    ...dataTable({
      orientation: 'landscape',
      columns: [
        { header: 'Date', weight: 1.1 },
        { header: 'Event', weight: 4.4 },
        { header: 'Calendar', weight: 2.4 },
        { header: 'Responsible', weight: 1.8 },
        { header: 'Status', weight: 1 },
      ],
      rows: entries.map((e) => [displayDate(e.date), e.event, e.kind, e.responsible, e.status]),
      empty: 'No calendar dates to show.',
    }),
  ];
}

/**
 * Wards × sectors (issue 5): in each cell the activities and their planned budget; "—" is a gap.
 * The ward maps (issue 20) come first, or the line saying why there are none.
 */
export function coverageMatrix(data: PlanData, wardMaps: WardMapPictures | null): FileChild[] {
  const { coverage } = data;
  const cellOf = (cell: { activityCount: number; plannedKesMinor: number }) =>
    cell.activityCount === 0 ? '—' : [count(cell.activityCount, 'activity', 'activities'), shillings(cell.plannedKesMinor)];
  const columns: Column[] = [
    { header: 'Ward', weight: 1.6 },
    ...coverage.sectors.map((sector): Column => ({ header: sector.label, weight: 1.1, fit: true })),
    { header: 'Total', weight: 1.2, fit: true },
  ];
  const rows: RowSpec[] = coverage.rows.map((row) => [
    row.subCountyName ? { text: row.wardName, bold: true, note: row.subCountyName } : { text: row.wardName, bold: true },
    ...row.cells.map(cellOf),
    cellOf(row),
  ]);
  if (rows.length > 0) rows.push({ total: ['Total', ...coverage.sectorTotals.map(cellOf), cellOf(coverage)] });
  const gaps =
    coverage.wardsWithoutActivity.length === 0 ? 'Every ward has at least one activity.' : `No activity yet in ${coverage.wardsWithoutActivity.join(', ')}.`;
  // Say why the ward total is not the plan total, so a finance officer need not find out.
  const outside = data.totals.byActivity.get(null)?.totalKesMinor ?? 0;
  const cancelled = data.activities.filter((a) => a.status === 'cancelled').reduce((sum, a) => sum + (data.totals.byActivity.get(a.id)?.totalKesMinor ?? 0), 0);
  const reconcile =
    outside + cancelled === 0
      ? ''
      : ` The total here, KES ${shillings(coverage.plannedKesMinor)}, is the plan's KES ${shillings(data.totals.totalKesMinor)} less ${[
          outside > 0 ? `KES ${shillings(outside)} of components outside the action plan` : '',
          cancelled > 0 ? `KES ${shillings(cancelled)} of cancelled activities` : '',
        ]
          .filter(Boolean)
          .join(' and ')}, which belong to no ward.`;
  return [
    heading2('9.3 Coverage: wards × sectors'),
    para(
      `Joint activities and their planned budget in KES by ward and sector; "—" marks a gap. Cancelled activities are left out, and an activity in several wards has its budget split evenly among them, in whole shillings. ${gaps}${reconcile}`,
    ),
    ...wardMapFigures(wardMaps, data.cycle.countyName, '9.'),
    ...coverageParts(columns, rows),
  ];
}

/** Room kept for ward names (and their sub-county) when the sector figures need the page. */
const WARD_COLUMN_TWIPS = 1_700;

/** The matrix in as many parts as its figures need to stay on one line each, every part naming its wards. */
function coverageParts(columns: Column[], rows: RowSpec[]): FileChild[] {
  if (rows.length === 0) return dataTable({ orientation: 'landscape', columns, rows, empty: 'The cycle has no wards or activities to show.' });
  const parts = splitByWidth(columns, rows, 'landscape', WARD_COLUMN_TWIPS);
  return parts.flatMap((part, index) => {
    const headers = part.columns.slice(1).map((column) => column.header);
    const caption =
      parts.length === 1
        ? []
        : [
            para(
              `Part ${index + 1} of ${parts.length}: ${headers.filter((h) => h !== 'Total').join(', ')}${headers.includes('Total') ? ', and the ward totals' : ''}.`,
            ),
          ];
    return [...caption, ...dataTable({ orientation: 'landscape', columns: part.columns, rows: part.rows, empty: '' })];
  });
}

/** What changed since the latest approved version (issue 6): one table per register. */
export function changesAnnex(data: PlanData): FileChild[] {
  const annex = data.changesSinceApproved;
  if (annex === null) return [];
  return [
    heading2(`9.4 ${annex.title}`),
    para(annex.intro),
    ...annex.sections.flatMap((part) => [
      para(part.heading, { bold: true, keepNext: true }),
      ...dataTable({
        orientation: 'landscape',
        columns: [
          { header: 'Change', weight: 1 },
          { header: 'Item', weight: 3 },
          { header: 'Details', weight: 6 },
        ],
        rows: part.rows.map((row) => [row.change, row.item, row.details]),
        empty: 'No changes.',
      }),
    ]),
  ];
}

/** Section 9; `stakeholderFigure` (the influence × interest chart) follows the stakeholder matrix. */
export function annexes(data: PlanData, stakeholderFigure: readonly FileChild[], wardMaps: WardMapPictures | null): FileChild[] {
  return [
    heading1('9 Annexes'),
    ...stakeholderMatrix(data),
    ...stakeholderFigure,
    ...jointCalendar(data),
    ...coverageMatrix(data, wardMaps),
    ...changesAnnex(data),
  ];
}
