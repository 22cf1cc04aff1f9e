import { PageBreak, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { sectors } from '../../../shared/domain/vocabulary';
import type { PlanData } from '../plan-data';
import { addToShare, isCountyGovernment, type CostShare } from '../shared-data/budget-totals';
import { dataTable, heading1, heading2, keyValueTable, para, type RowSpec } from './blocks';
import { contributorTotalsTable, costShareSentence, rateSentence } from './budget-tables';
import { coverPage } from './cover';
import { count, displayDate, kes, orgFullLabel } from './format';
import { activitiesByObjective, objectiveHeading } from './plan-activities';
import { section, type DocMeta } from './page';
import { signatoriesTable } from './signatures';

/**
 * The pack the County Executive Committee signs: a cover memo, one page of summary tables and the
 * signature page. It names the plan version it approves and the content fingerprint, so a signed
 * paper copy can be matched to the data later.
 */

function memo(data: PlanData, meta: DocMeta): FileChild[] {
  const { cycle } = data;
  const partners = data.organisations.filter((o) => !isCountyGovernment(o));
  const wards = new Set(data.activities.flatMap((a) => a.wardIds));
  const sectorCount = new Set(data.activities.map((a) => a.sector)).size;
  const secretariat = data.leadOrganisation ? orgFullLabel(data.leadOrganisation) : 'The JWP Secretariat';
  return [
    heading1('Cover memo'),
    ...keyValueTable('portrait', [
      ['To', 'The County Executive Committee'],
      ['From', secretariat],
      ['Date', displayDate(meta.generatedOn)],
      ['Subject', `Approval of the ${cycle.title}`],
      ['Plan version', `${meta.versionLabel}; content fingerprint ${meta.fingerprint}`],
    ]),
    heading2('What is being approved'),
    para(
      `The Committee is asked to approve the ${cycle.title} for FY ${cycle.fiscalYear} (${displayDate(cycle.startDate)} to ${displayDate(cycle.endDate)}). The plan brings together ${count(data.organisations.length, 'organisation', 'organisations')}, of which ${count(partners.length, 'is a development partner or other non-county organisation', 'are development partners and other non-county organisations')}, around ${count(data.objectives.length, 'objective', 'objectives')} and ${count(data.activities.length, 'joint activity', 'joint activities')} in ${count(sectorCount, 'sector', 'sectors')}${wards.size > 0 ? ` and ${count(wards.size, 'ward', 'wards')}` : ''}.`,
    ),
    costShareSentence(data),
    para(rateSentence(data)),
    para(
      `It has ${count(data.indicators.length, 'indicator', 'indicators')} in its M&E plan, ${count(data.risks.length, 'risk', 'risks')} in its risk register and ${count(data.milestones.length, 'review and reporting milestone', 'review and reporting milestones')}.`,
    ),
    heading2('Which copy is signed'),
    para(
      `This pack is for the plan as printed here: ${meta.versionLabel}, content fingerprint ${meta.fingerprint}, as the footer of every page says. The fingerprint is computed from the plan's data; a copy produced from different data has a different fingerprint, so a signed paper copy can always be matched to the data it approves.`,
    ),
    heading2('Recommendation'),
    para(
      "That the Committee approves the plan, and that the County Secretary and the CEC Member for Finance & Economic Planning sign it with the development partners' leadership on the signature page of this pack.",
    ),
  ];
}

function summaryTables(data: PlanData): FileChild[] {
  const rows: RowSpec[] = [];
  for (const [objectiveId, activities] of activitiesByObjective(data)) {
    const objective = data.objectiveById.get(objectiveId);
    const share: CostShare = { countyKesMinor: 0, partnersKesMinor: 0, totalKesMinor: 0 };
    for (const activity of activities) {
      const s = data.totals.byActivity.get(activity.id);
      if (!s) continue;
      addToShare(share, s.countyKesMinor, true);
      addToShare(share, s.partnersKesMinor, false);
    }
    rows.push([
      objectiveHeading(data, objectiveId),
      objective ? sectors.label(objective.sector) : '',
      String(activities.length),
      kes(share.countyKesMinor),
      kes(share.partnersKesMinor),
      kes(share.totalKesMinor),
    ]);
  }
  const outside = data.totals.byActivity.get(null);
  if (outside)
    rows.push(['Components outside the action plan', '', '', kes(outside.countyKesMinor), kes(outside.partnersKesMinor), kes(outside.totalKesMinor)]);
  if (rows.length > 0) {
    const t = data.totals;
    rows.push({ total: ['Total', '', String(data.activities.length), kes(t.countyKesMinor), kes(t.partnersKesMinor), kes(t.totalKesMinor)] });
  }
  return [
    new Paragraph({ children: [new PageBreak()] }),
    heading1('Summary tables'),
    heading2('Activities and budget by objective'),
    ...dataTable({
      orientation: 'portrait',
      columns: [
        { header: 'Objective', weight: 3.6 },
        { header: 'Sector', weight: 1.6 },
        { header: 'Activities', weight: 1.1, align: 'right' },
        { header: 'County (KES)', weight: 1.7, align: 'right' },
        { header: 'Partners (KES)', weight: 1.7, align: 'right' },
        { header: 'Total (KES)', weight: 1.7, align: 'right' },
      ],
      rows,
      empty: 'No objectives are recorded for this cycle yet.',
    }),
    heading2('Cost-share by contributor'),
    ...contributorTotalsTable(data, 'portrait', { compact: true }),
  ];
}

function signaturePage(data: PlanData, meta: DocMeta): FileChild[] {
  return [
    new Paragraph({ children: [new PageBreak()] }),
    heading1('Signatures'),
    para([
      new TextRun(`We approve the ${data.cycle.title} as printed in this pack (${meta.versionLabel}; content fingerprint `),
      new TextRun({ text: meta.fingerprint, bold: true }),
      new TextRun(').'),
    ]),
    ...signatoriesTable(data, 'portrait'),
  ];
}

export function approvalPackSections(data: PlanData, meta: DocMeta): ISectionOptions[] {
  return [
    section(
      meta,
      'portrait',
      [
        ...coverPage(meta, { issuer: data.leadOrganisation?.name ?? null, subtitle: data.cycle.title }),
        ...memo(data, meta),
        ...summaryTables(data),
        ...signaturePage(data, meta),
      ],
      { cover: true },
    ),
  ];
}
