import { PageBreak, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { sectors } from '../../../shared/domain/vocabulary';
import type { PlanData } from '../plan-data';
import { addToShare, type CostShare } from '../shared-data/budget-totals';
import { isCountyGovernment } from '../../../shared/domain/organisations';
import { dataTable, heading1, heading2, keyValueTable, para, type RowSpec } from './blocks';
import { contributorTotalsTable, costShareSentence, rateSentence } from './budget-tables';
import { coverPage } from './cover';
import { count, displayDate, orgFullLabel, shillings, shillingsOrDash } from './format';
import { activitiesByObjective, objectiveHeading } from './plan-activities';
import { section, type DocMeta } from './page';
import type { PrintedVersion } from './index';
import { signatoriesTable } from './signatures';

/**
 * The pack the County Executive Committee signs: a cover memo, one page of summary tables and the
 * signature page. It says exactly what is approved: the plan version by number and content
 * fingerprint, printed in full in the Joint Work Plan document that bears the same fingerprint on
 * every page (this pack only summarises it). It words itself by the version's state: a request for
 * approval, or the record of an approval (when, by whom).
 */

/** "Isiolo County Joint Work Plan FY 2026/27", never "… FY 2026/27 for FY 2026/27". */
export function planName(data: PlanData): string {
  const { title, fiscalYear } = data.cycle;
  return title.includes(fiscalYear) ? title : `${title} for FY ${fiscalYear}`;
}

/** "version 2 of the Isiolo County Joint Work Plan FY 2026/27 (content fingerprint 3fa2c4d1)" */
function whatIsApproved(data: PlanData, meta: DocMeta): string {
  return `version ${meta.version.number} of the ${planName(data)} (content fingerprint ${meta.fingerprint})`;
}

const approvedOnBy = (v: PrintedVersion) => `on ${displayDate(v.approvedOn)}${v.approvedBy ? ` (approval recorded by ${v.approvedBy})` : ''}`;

function memo(data: PlanData, meta: DocMeta): FileChild[] {
  const { cycle } = data;
  const { version } = meta;
  const approved = version.state === 'approved';
  const partners = data.organisations.filter((o) => !isCountyGovernment(o));
  const wards = new Set(data.activities.flatMap((a) => a.wardIds));
  const sectorCount = new Set(data.activities.map((a) => a.sector)).size;
  const secretariat = data.leadOrganisation ? orgFullLabel(data.leadOrganisation) : 'The JWP Secretariat';
  const revision =
    version.state === 'revision' && data.changesSinceApproved ? [para(`It revises version ${version.number - 1}: ${data.changesSinceApproved.intro}`)] : [];
  return [
    heading1(approved ? 'Record of approval' : 'Cover memo'),
    ...keyValueTable('portrait', [
      ['To', 'The County Executive Committee'],
      ['From', secretariat],
      ['Date', displayDate(meta.generatedOn)],
      ['Subject', approved ? `Approval of ${whatIsApproved(data, meta)}` : `Request to approve ${whatIsApproved(data, meta)}`],
      [
        'Plan version',
        approved ? `Version ${version.number}, approved ${approvedOnBy(version)}` : `Version ${version.number}, submitted for approval (not yet approved)`,
      ],
      ['Content fingerprint', meta.fingerprint],
    ]),
    heading2(approved ? 'What was approved' : 'What is being approved'),
    para(
      `${approved ? `The Committee approved ${approvedOnBy(version)}` : 'The Committee is asked to approve'} ${whatIsApproved(data, meta)}, covering ${displayDate(cycle.startDate)} to ${displayDate(cycle.endDate)}. The plan itself is the Joint Work Plan document whose every page carries the content fingerprint ${meta.fingerprint}; it is tabled with this pack, and it, not this summary, is what ${approved ? 'was' : 'is'} approved.`,
    ),
    ...revision,
    para(
      `The plan brings together ${count(data.organisations.length, 'organisation', 'organisations')}, of which ${count(partners.length, 'is a development partner or other non-county organisation', 'are development partners and other non-county organisations')}, around ${count(data.objectives.length, 'objective', 'objectives')} and ${count(data.activities.length, 'joint activity', 'joint activities')} in ${count(sectorCount, 'sector', 'sectors')}${wards.size > 0 ? ` and ${count(wards.size, 'ward', 'wards')}` : ''}.`,
    ),
    costShareSentence(data),
    para(rateSentence(data)),
    para(
      `It has ${count(data.indicators.length, 'indicator', 'indicators')} in its M&E plan, ${count(data.risks.length, 'risk', 'risks')} in its risk register and ${count(data.milestones.length, 'review and reporting milestone', 'review and reporting milestones')}.`,
    ),
    heading2('How to check the copy'),
    para(
      `The fingerprint is computed from the plan's data. A copy of the plan produced from different data has a different fingerprint, so the signed pack and the plan it approves can always be matched: check that the plan document's footer reads "Content fingerprint ${meta.fingerprint}".`,
    ),
    heading2(approved ? 'Decision' : 'Recommendation'),
    para(
      approved
        ? `The Committee approved ${whatIsApproved(data, meta)} ${approvedOnBy(version)}. The County Secretary, the CEC Member for Finance & Economic Planning and the development partners' leadership sign below.`
        : `That the Committee approves ${whatIsApproved(data, meta)}, and that the County Secretary and the CEC Member for Finance & Economic Planning sign it with the development partners' leadership on the signature page of this pack.`,
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
      shillingsOrDash(share.countyKesMinor),
      shillingsOrDash(share.partnersKesMinor),
      shillings(share.totalKesMinor),
    ]);
  }
  const outside = data.totals.byActivity.get(null);
  if (outside)
    rows.push([
      'Components outside the action plan',
      '',
      '',
      shillingsOrDash(outside.countyKesMinor),
      shillingsOrDash(outside.partnersKesMinor),
      shillings(outside.totalKesMinor),
    ]);
  if (rows.length > 0) {
    const t = data.totals;
    rows.push({ total: ['Total', '', String(data.activities.length), shillings(t.countyKesMinor), shillings(t.partnersKesMinor), shillings(t.totalKesMinor)] });
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
  const approved = meta.version.state === 'approved';
  return [
    new Paragraph({ children: [new PageBreak()] }),
    heading1('Signatures'),
    para([
      new TextRun(
        `${approved ? `Approved ${approvedOnBy(meta.version)}: ` : 'We approve '}version ${meta.version.number} of the ${planName(data)}, content fingerprint `,
      ),
      new TextRun({ text: meta.fingerprint, bold: true }),
      new TextRun(', as set out in full in the Joint Work Plan document bearing that fingerprint.'),
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
        ...coverPage(meta, { issuer: data.leadOrganisation?.name ?? null, subtitle: planName(data) }),
        ...memo(data, meta),
        ...summaryTables(data),
        ...signaturePage(data, meta),
      ],
      { cover: true },
    ),
  ];
}
