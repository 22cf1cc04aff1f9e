import { exportFileName } from '../../../shared/export-file-name';
import type { ISectionOptions } from 'docx';
import { DOCX_MIME_TYPE, docxDocuments, type DocxDocument } from '../../../shared/api/methods/docx-export';
import { cyclePhases } from '../../../shared/domain/vocabulary';
import { invalidField } from '../../../shared/result';
import { reportingPeriods, type ReportingPeriod } from '../../../shared/reporting-periods';
import type { AppContext } from '../../services/context';
import { getCycle } from '../../services/cycles';
import { documentWardMaps, type DocumentWardMaps } from '../../services/maps';
import { asSnapshot, latestVersionRow, workingState } from '../../lifecycle/versions';
import { contentHash, contentOfRows } from '../fingerprint';
import { loadPlanData, registerRowsOf, type PlanData } from '../plan-data';
import { meReportFigures, planFigures, type DocumentFigures } from '../charts/index';
import { allDrawn } from '../graphics/index';
import { approvalPackSections } from './approval-pack-document';
import { budgetSections } from './budget-document';
import { localIsoDate } from './format';
import { meReportSections } from './me-report-document';
import type { RoundReturnsSection } from './me-round-returns';
import { roundReturnsSection } from '../../rounds/report';
import { planSections } from './plan-document';
import type { DocMeta } from './page';
import { renderDocx } from './render';
import { wardMapPictures, type WardMapPictures } from './ward-maps';

export type { DocMeta } from './page';

export { DOCX_MIME_TYPE, docxDocuments, type DocxDocument };

const TITLES: Record<DocxDocument, string> = {
  plan: 'Joint Work Plan',
  budget: 'Joint Work Plan Budget',
  'me-report': 'M&E Progress Report',
  'approval-pack': 'CEC Approval Pack',
};

export const END_OF_CYCLE_TITLE = 'End-of-cycle report';

export interface DocxRequest {
  doc: DocxDocument;
  /** The M&E report's reporting period key (Q2, H1, M03); ignored by the other documents. */
  period?: string;
  /** The M&E report's section on the period's reporting round (main/rounds/report.ts), when one was held. */
  roundReturns?: RoundReturnsSection | null;
  /** Who prepares the M&E report (the user's name on this installation), printed in its "Prepared by" line. */
  preparedBy?: string;
}

/**
 * The period an M&E report covers: the one asked for, else the latest period with reported
 * actuals or disbursements, else the period containing today.
 */
export function resolvePeriod(data: PlanData, key: string | undefined, today: string): ReportingPeriod {
  const { periods } = data;
  if (key !== undefined) {
    const found = periods.find((p) => p.key.toLowerCase() === key.trim().toLowerCase());
    if (!found) throw invalidField('period', `Reporting period: this cycle has no period "${key}"; choose one of ${periods.map((p) => p.key).join(', ')}.`);
    return found;
  }
  const reported = new Set([...data.indicatorPeriods.filter((p) => p.actual !== null).map((p) => p.periodKey), ...data.disbursements.map((d) => d.periodKey)]);
  const latestReported = [...periods].reverse().find((p) => reported.has(p.key));
  const current = periods.find((p) => p.start <= today && today <= p.end) ?? (today < (periods[0]?.start ?? '') ? periods[0] : periods[periods.length - 1]);
  const chosen = latestReported ?? current;
  if (!chosen) throw invalidField('period', 'Reporting period: this cycle has no reporting periods.');
  return chosen;
}

/** What a document says about the plan version it prints (issue 6's versions). */
export interface PrintedVersion {
  /** "Working draft (not yet approved)", "Version 2 (approved 25 Nov 2026)", "Revision of version 2 in progress (not approved)". */
  label: string;
  /** First 8 hex digits of the SHA-256 of the content printed. */
  fingerprint: string;
  /** Approved: the data printed is that version's, unchanged. Otherwise it is to be approved as `number`. */
  state: 'draft' | 'approved' | 'revision';
  /** The version printed (approved) or the one it would become when approved. */
  number: number;
  /** For an approved version: when and by whom (the approvals register's record). */
  approvedOn: string | null;
  approvedBy: string | null;
}

/**
 * The version the printed data is, from the rows just read (so the fingerprint is that of exactly
 * what is printed, and the cycle is read once): an approved version when nothing changed since.
 */
export function printedVersion(ctx: AppContext, data: PlanData): PrintedVersion {
  const snapshot = asSnapshot(contentOfRows(data.cycle, registerRowsOf(data)));
  const hash = contentHash(snapshot);
  const state = workingState(ctx, data.cycle.id, { snapshot, hash, fingerprint: hash.slice(0, 8) });
  const latest = latestVersionRow(ctx, data.cycle.id);
  const approved = state.state === 'approved' && latest !== undefined;
  return {
    label: state.versionLabel,
    fingerprint: state.workingFingerprint,
    state: state.state,
    number: approved ? latest.number : (latest?.number ?? 0) + 1,
    approvedOn: approved ? latest.approvedOn : null,
    approvedBy: approved ? latest.approvedBy : null,
  };
}

export function docxMeta(data: PlanData, doc: DocxDocument, version: PrintedVersion, generatedOn: string): DocMeta {
  return {
    // In the close-out phase the M&E report is the end-of-cycle report (issue 6).
    documentTitle: doc === 'me-report' && data.closeOut !== null ? END_OF_CYCLE_TITLE : TITLES[doc],
    countyName: data.cycle.countyName,
    cycleTitle: data.cycle.title,
    fiscalYear: data.cycle.fiscalYear,
    // The approval pack asks for (or records) a numbered version: it names it, never "working draft".
    versionLabel:
      doc === 'approval-pack' && version.state !== 'approved' ? `Version ${version.number} submitted for approval (not yet approved)` : version.label,
    version,
    statusLabel: `${cyclePhases.label(data.cycle.phase)} phase`,
    fingerprint: version.fingerprint,
    generatedOn,
  };
}

/**
 * Whether laying out the pages to number the contents is quick enough (render.ts): a county plan of
 * a few hundred activities is; the 5,000-activity benchmark plan is not.
 */
const LAYOUT_ROW_LIMIT = 400;
const layoutAffordable = (data: PlanData) =>
  data.activities.length + data.contributions.length + data.indicators.length + data.risks.length + data.organisations.length <= LAYOUT_ROW_LIMIT;

/** The documents that print the ward maps (issue 20): the plan's coverage annex and the M&E report. */
const MAPPED_DOCUMENTS: ReadonlySet<DocxDocument> = new Set(['plan', 'me-report']);

/** The ward maps `doc` prints, drawn from the plan data; null for the other documents and without boundaries. */
export function wardMapsFor(ctx: AppContext, data: PlanData, doc: DocxDocument): DocumentWardMaps | null {
  return MAPPED_DOCUMENTS.has(doc) ? documentWardMaps(ctx, data.cycle.id, data) : null;
}

/** The charts and ward maps of one document, being drawn (drawDocxPictures). */
export interface DocxPictures {
  maps: WardMapPictures | null;
  figures: DocumentFigures | null;
}

/**
 * Starts drawing the pictures `request.doc` prints, from the plan data and its ward maps
 * (wardMapsFor): they are drawn on resvg's and zlib's threads while the rest of the document is
 * worked out, so start them as soon as the data is read. `today` is the day the document is
 * produced (DocMeta.generatedOn).
 */
export function drawDocxPictures(data: PlanData, request: DocxRequest, wardMaps: DocumentWardMaps | null, today: string): DocxPictures {
  const maps = MAPPED_DOCUMENTS.has(request.doc) ? wardMapPictures(wardMaps, 'landscape') : null;
  let figures: DocumentFigures | null = null;
  if (request.doc === 'plan') figures = planFigures(data, today);
  if (request.doc === 'me-report') figures = meReportFigures(data, resolvePeriod(data, request.period, today));
  return { maps, figures };
}

/**
 * Builds one deliverable from the plan data and its pictures (drawDocxPictures): data in, bytes
 * out; no database, no files. The document is packed once its pictures are drawn.
 */
export async function buildDocx(data: PlanData, meta: DocMeta, request: DocxRequest, pictures: DocxPictures): Promise<Buffer> {
  const { maps } = pictures;
  let sections: ISectionOptions[];
  switch (request.doc) {
    case 'plan':
      sections = planSections(data, meta, pictures.figures ?? planFigures(data, meta.generatedOn), maps);
      break;
    case 'budget':
      sections = budgetSections(data, meta);
      break;
    case 'me-report': {
      const period = resolvePeriod(data, request.period, meta.generatedOn);
      sections = meReportSections(
        data,
        meta,
        { period, preparedBy: request.preparedBy ?? '', roundReturns: request.roundReturns ?? null },
        pictures.figures ?? meReportFigures(data, period),
        maps,
      );
      break;
    }
    case 'approval-pack':
      sections = approvalPackSections(data, meta);
      break;
  }
  await allDrawn([maps, pictures.figures].flatMap((drawing) => (drawing ? [drawing] : [])));
  // The plan and the M&E report have contents pages whose numbers Word shows as laid out here.
  const contents = request.doc === 'plan' || request.doc === 'me-report';
  return renderDocx(meta, sections, { pageNumbers: contents ? layoutAffordable(data) : undefined });
}

export function docxFileName(data: PlanData, request: DocxRequest, fingerprint: string, period?: ReportingPeriod): string {
  return exportFileName({ cycle: data.cycle, document: request.doc, period: period?.key, tag: fingerprint, extension: 'docx' });
}

export interface DocxFile {
  fileName: string;
  mimeType: string;
  buffer: Buffer;
  fingerprint: string;
  /** The M&E report's period, once resolved. */
  period?: ReportingPeriod;
}

/**
 * Checks a request before its job starts, so a wrong cycle or period is answered at once, on the
 * form, rather than when the job is polled.
 */
export function checkDocxRequest(ctx: AppContext, cycleId: string, request: DocxRequest): void {
  const cycle = getCycle(ctx, cycleId);
  if (request.doc !== 'me-report' || request.period === undefined) return;
  const periods = reportingPeriods(cycle);
  if (!periods.some((p) => p.key.toLowerCase() === request.period?.trim().toLowerCase())) {
    throw invalidField('period', `Reporting period: this cycle has no period "${request.period}"; choose one of ${periods.map((p) => p.key).join(', ')}.`);
  }
}

/** Reads the cycle and produces one deliverable: what the API, the CLI and the bench call. */
export async function exportDocx(ctx: AppContext, cycleId: string, request: DocxRequest, onStep?: (step: DocxStep) => void): Promise<DocxFile> {
  const data = loadPlanData(ctx, cycleId);
  onStep?.('read');
  const today = localIsoDate(ctx.now());
  const period = request.doc === 'me-report' ? resolvePeriod(data, request.period, today) : undefined;
  const roundReturns = period ? roundReturnsSection(ctx, cycleId, period.key) : null;
  const resolved: DocxRequest = { ...request, period: period?.key, roundReturns, preparedBy: ctx.userName };
  // Drawn while the fingerprint is worked out and the sections are built.
  const pictures = drawDocxPictures(data, resolved, wardMapsFor(ctx, data, request.doc), today);
  onStep?.('pictures started');
  const version = printedVersion(ctx, data);
  const meta = docxMeta(data, request.doc, version, today);
  onStep?.('fingerprint');
  // One turn of the event loop before the sections hold the thread: pictures drawn by now start
  // their compression, which then runs beside the sections.
  await new Promise((resolve) => setImmediate(resolve));
  const buffer = await buildDocx(data, meta, resolved, pictures);
  onStep?.('built');
  const fingerprint = version.fingerprint;
  return { fileName: docxFileName(data, request, fingerprint, period), mimeType: DOCX_MIME_TYPE, buffer, fingerprint, period };
}

/** The steps of exportDocx, in order, for a caller timing them (npm run bench). */
export type DocxStep = 'read' | 'pictures started' | 'fingerprint' | 'built';
