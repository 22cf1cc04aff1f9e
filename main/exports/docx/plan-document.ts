import { LeaderType, PageBreak, Paragraph, TableOfContents, TextRun, type ISectionOptions } from 'docx';
import type { PlanData } from '../plan-data';
import { heading1, para } from './blocks';
import { coverPage } from './cover';
import { count } from './format';
import { actionPlanSection, resourceSection } from './plan-activities';
import { annexes } from './plan-annexes';
import { generalInformation, objectivesSection } from './plan-general';
import { mePlanSection, milestonesSection, riskSection } from './plan-monitoring';
import { section, type DocMeta } from './page';
import { signatoriesTable } from './signatures';
import { COLOURS, SIZE } from './theme';

/**
 * The Joint Work Plan: the manual's template (Annex 10.1) section by section. Narrative and
 * approvals are portrait; the wide registers (sections 3–7 and the annexes) are landscape.
 */
export function planSections(data: PlanData, meta: DocMeta): ISectionOptions[] {
  const contents = [
    new Paragraph({ children: [new TextRun({ text: 'Contents', bold: true, size: SIZE.h1, color: COLOURS.heading })], spacing: { after: 200 } }),
    // No dot leaders: until Word fills in the page numbers, a plain list reads better than dots to nowhere.
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2', tabLeader: LeaderType.NONE }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const approvals = [
    heading1('8 Approvals'),
    para(
      `This joint work plan is endorsed by the county government and its development partners as printed here: ${meta.versionLabel}, content fingerprint ${meta.fingerprint}. It covers ${count(data.activities.length, 'joint activity', 'joint activities')} of ${count(data.organisations.length, 'organisation', 'organisations')} for FY ${data.cycle.fiscalYear}.`,
    ),
    ...signatoriesTable(data, 'portrait'),
  ];
  return [
    section(
      meta,
      'portrait',
      [
        ...coverPage(meta, { issuer: data.leadOrganisation?.name ?? null, subtitle: data.cycle.title }),
        ...contents,
        ...generalInformation(data),
        ...objectivesSection(data),
      ],
      { cover: true },
    ),
    section(meta, 'landscape', [
      ...actionPlanSection(data),
      ...resourceSection(data),
      ...mePlanSection(data),
      ...riskSection(data),
      ...milestonesSection(data),
    ]),
    section(meta, 'portrait', approvals),
    section(meta, 'landscape', annexes(data)),
  ];
}
