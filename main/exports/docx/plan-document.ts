import type { FileChild, ISectionOptions } from 'docx';
import type { DocumentFigures } from '../charts/index';
import { contentsPage, withOutline } from './contents';
import type { PlanData } from '../plan-data';
import { heading1, heading2, para } from './blocks';
import { coverPage } from './cover';
import { count, displayDate } from './format';
import { actionPlanSection, resourceSection } from './plan-activities';
import { annexes } from './plan-annexes';
import { generalInformation, objectivesSection } from './plan-general';
import { mePlanSection, milestonesSection, riskSection } from './plan-monitoring';
import { section, type DocMeta } from './page';
import { signatoriesTable } from './signatures';
import type { WardMapPictures } from './ward-maps';

/** A figure under its own numbered heading, so the contents page lists it; nothing when there is no figure. */
const titled = (title: string, figure: readonly FileChild[]): FileChild[] => (figure.length === 0 ? [] : [heading2(title), ...figure]);

/**
 * The Joint Work Plan: the manual's template (Annex 10.1) section by section. Narrative and
 * approvals are portrait; the wide registers (sections 3–7 and the annexes) are landscape. The
 * charts (`figures`, drawn beforehand by main/exports/charts) follow the table they picture.
 */
export function planSections(data: PlanData, meta: DocMeta, figures: DocumentFigures, wardMaps: WardMapPictures | null): ISectionOptions[] {
  const { built, outline } = withOutline(() => ({
    front: [...generalInformation(data), ...objectivesSection(data)],
    registers: [
      ...actionPlanSection(data),
      ...resourceSection(data),
      ...titled('4.3 Cost-share by contributor', figures.costShare),
      ...mePlanSection(data),
      ...titled('5.1 Indicator status', figures.indicatorStatus),
      ...riskSection(data, figures.riskHeatMap),
      ...milestonesSection(data),
    ],
    approvals: [
      heading1('8 Approvals'),
      para(
        `${
          meta.version.state === 'approved'
            ? `This joint work plan, version ${meta.version.number} (content fingerprint ${meta.fingerprint}), was approved by the County Executive Committee on ${displayDate(meta.version.approvedOn)} and is endorsed by the county government and its development partners as printed here.`
            : `This joint work plan (content fingerprint ${meta.fingerprint}) is submitted for approval as version ${meta.version.number}; once approved, it is endorsed by the county government and its development partners as printed here.`
        } It covers ${count(data.activities.length, 'joint activity', 'joint activities')} of ${count(data.organisations.length, 'organisation', 'organisations')} for FY ${data.cycle.fiscalYear}.`,
      ),
      ...signatoriesTable(data, 'portrait'),
    ],
    annexes: annexes(data, figures.stakeholders, wardMaps),
  }));
  return [
    section(
      meta,
      'portrait',
      [...coverPage(meta, { issuer: data.leadOrganisation?.name ?? null, subtitle: data.cycle.title }), ...contentsPage(outline, 'portrait'), ...built.front],
      { cover: true },
    ),
    section(meta, 'landscape', built.registers),
    section(meta, 'portrait', built.approvals),
    section(meta, 'landscape', built.annexes),
  ];
}
