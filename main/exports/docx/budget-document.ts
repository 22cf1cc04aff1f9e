import type { FileChild, ISectionOptions } from 'docx';
import type { ContributionDto } from '../../../shared/api/schemas/budget';
import type { PlanData } from '../plan-data';
import { addToShare, type CostShare } from '../shared-data/budget-totals';
import { isCounted } from '../../../shared/budget-lines';
import { isCountyGovernment } from '../../../shared/domain/organisations';
import { bullet, dataTable, heading1, heading2, keyValueTable, para, signatureBlock, type CellValue, type RowSpec } from './blocks';
import { contributorTotalsTable, costShareSentence, lineAmount, notValuedParagraphs, rateSentence } from './budget-tables';
import { contentsPage, withOutline } from './contents';
import { coverPage } from './cover';
import { displayDate, kes, kesOrDash, orgFullLabel, orgLabel, shillings } from './format';
import { objectiveHeading } from './plan-activities';
import { section, type DocMeta } from './page';

/**
 * The manual's Joint Work Planning Budget Template: header fields, the component table with the
 * county's and each partner's contribution, the total budget and the signature lines.
 */

const isCountyLine = (data: PlanData, line: ContributionDto) => {
  const org = data.orgById.get(line.contributorOrgId);
  return org ? isCountyGovernment(org) : false;
};

/** The amount as entered, right-aligned; under it the contributor and, for USD, the KES equivalent. */
function amountCell(data: PlanData, line: ContributionDto): CellValue {
  const contributor = orgLabel(data.orgById.get(line.contributorOrgId));
  const note = line.currency === 'KES' || !isCounted(line) ? contributor : `${contributor} · ${kes(data.totals.lineKesMinor.get(line.id) ?? 0)}`;
  return { text: lineAmount(line), note };
}

function componentRows(data: PlanData): RowSpec[] {
  const rows: RowSpec[] = [];
  const lineRow = (line: ContributionDto): RowSpec => {
    const county = isCountyLine(data, line);
    return [
      line.component,
      { text: line.description, note: line.utilisationPlan ? `Utilisation: ${line.utilisationPlan}` : undefined },
      county ? amountCell(data, line) : '',
      county ? '' : amountCell(data, line),
      isCounted(line) ? shillings(data.totals.lineKesMinor.get(line.id) ?? 0) : '—',
      line.comments,
    ];
  };
  const subtotal = (label: string, lines: readonly ContributionDto[]): RowSpec => {
    const share: CostShare = { countyKesMinor: 0, partnersKesMinor: 0, totalKesMinor: 0 };
    for (const line of lines) addToShare(share, data.totals.lineKesMinor.get(line.id) ?? 0, isCountyLine(data, line));
    return { total: [label, '', kesOrDash(share.countyKesMinor), kesOrDash(share.partnersKesMinor), shillings(share.totalKesMinor), ''] };
  };
  const byActivity = new Map<string | null, ContributionDto[]>();
  for (const line of data.contributions) {
    const lines = byActivity.get(line.activityId);
    if (lines) lines.push(line);
    else byActivity.set(line.activityId, [line]);
  }
  for (const activity of data.activities) {
    const lines = byActivity.get(activity.id);
    if (!lines) continue;
    rows.push({ group: `${activity.code ? `${activity.code} ` : ''}${activity.title} (${objectiveHeading(data, activity.objectiveId)})` });
    rows.push(...lines.map(lineRow), subtotal(`Subtotal ${activity.code || activity.title}`, lines));
  }
  const outside = byActivity.get(null);
  if (outside) {
    rows.push({ group: 'Components outside the action plan (coordination, monitoring, reviews)' });
    rows.push(...outside.map(lineRow), subtotal('Subtotal, components outside the action plan', outside));
  }
  if (rows.length > 0) {
    const { totals } = data;
    // An empty share is a dash, as in the subtotals and the plan's tables.
    rows.push({ total: ['TOTAL BUDGET', '', kesOrDash(totals.countyKesMinor), kesOrDash(totals.partnersKesMinor), shillings(totals.totalKesMinor), ''] });
  }
  return rows;
}

function signatureLines(data: PlanData): FileChild[] {
  const nameAndTitle = (s: { name: string; title: string }) => `${s.name}, ${s.title}`;
  const countySigners = data.signatories.filter((s) => {
    const org = data.orgById.get(s.organisationId);
    return org ? isCountyGovernment(org) : false;
  });
  const blocks: FileChild[] = [];
  if (countySigners.length === 0) blocks.push(...signatureBlock('County representative', ''));
  for (const signer of countySigners) blocks.push(...signatureBlock('County representative', nameAndTitle(signer)));
  for (const contributor of data.totals.byContributor.filter((c) => !c.isCounty)) {
    const org = data.orgById.get(contributor.organisationId);
    if (!org) continue;
    const signers = data.signatories.filter((s) => s.organisationId === org.id);
    const heading = `Partner representative: ${orgFullLabel(org)}`;
    if (signers.length === 0) blocks.push(...signatureBlock(heading, ''));
    for (const signer of signers) blocks.push(...signatureBlock(heading, nameAndTitle(signer)));
  }
  return blocks;
}

export function budgetSections(data: PlanData, meta: DocMeta): ISectionOptions[] {
  const { cycle, totals } = data;
  const partners = totals.byContributor
    .filter((c) => !c.isCounty)
    .flatMap((c) => {
      const org = data.orgById.get(c.organisationId);
      return org ? [orgFullLabel(org)] : [];
    });
  // Numbered headings with a contents page whose page numbers need no updating (contents.ts).
  const { built, outline } = withOutline(() => {
    const header = [
      heading1('1 Budget'),
      ...keyValueTable('portrait', [
        ['Project title', cycle.title],
        ['County name', `${cycle.countyName} County`],
        ['Implementing partner(s)', partners.length === 0 ? 'None recorded yet' : partners],
        ['Budget year', `FY ${cycle.fiscalYear}`],
        ['Date of submission', displayDate(meta.generatedOn)],
      ]),
      costShareSentence(data),
      para(rateSentence(data)),
    ];
    const components = [
      heading1('2 Budget by activity and component'),
      ...dataTable({
        orientation: 'landscape',
        columns: [
          { header: 'Activity / project component', weight: 2.3 },
          { header: 'Description', weight: 3 },
          { header: 'County government contribution', weight: 2, align: 'right' },
          { header: 'Partner contribution', weight: 2, align: 'right' },
          { header: 'Total estimated cost (KES)', weight: 1.6, align: 'right' },
          { header: 'Comments', weight: 2.2 },
        ],
        rows: componentRows(data),
        empty: 'No budget lines are recorded for this cycle yet.',
      }),
      ...notValuedParagraphs(data),
    ];
    const total = [
      heading1('3 Total budget'),
      ...(data.contributions.length === 0
        ? [para('No budget lines are recorded for this cycle yet.')]
        : [
            bullet(`County government contribution: ${kes(totals.countyKesMinor)}`),
            ...totals.byContributor
              .filter((c) => !c.isCounty)
              .map((c) => bullet(`${orgLabel(data.orgById.get(c.organisationId))} contribution: ${kes(c.kesMinor)}`)),
            bullet(`Total estimated cost: ${kes(totals.totalKesMinor)}`),
            ...notValuedParagraphs(data),
          ]),
      heading2('3.1 Contributions by contributor'),
      ...contributorTotalsTable(data, 'portrait', { compact: true }),
      heading1('4 Approvals and signatures'),
      para('Signed for the county government and for each partner contributing to this budget.'),
      ...signatureLines(data),
    ];
    return { header, components, total };
  });
  const { header, components, total } = built;
  return [
    section(
      meta,
      'portrait',
      [...coverPage(meta, { issuer: data.leadOrganisation?.name ?? null, subtitle: cycle.title }), ...contentsPage(outline, 'portrait'), ...header],
      {
        cover: true,
      },
    ),
    section(meta, 'landscape', components),
    section(meta, 'portrait', total),
  ];
}
