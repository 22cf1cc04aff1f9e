import { exportFileName } from '../../../shared/export-file-name';
import type { OrganisationDto } from '../../../shared/api/schemas/organisation';
import { XLSX_MIME_TYPE, type XlsxDoc } from '../../../shared/api/methods/xlsx';
import { invalidField } from '../../../shared/result';
import { APP_VERSION } from '../../services/app-info';
import type { AppContext } from '../../services/context';
import { getCycle } from '../../services/cycles';
import { registerServices } from '../../services/index';
import { blankCycleData } from './blank-workbook';
import { loadCycleData, type CycleData } from './cycle-data';
import { writeCycleWorkbook } from './cycle-workbook';
import { TEMPLATE_VERSION, type WorkbookMeta } from './meta-sheet';
import { orgListName, writePartnerTemplate } from './partner-template';
import { templateBinding } from './template-binding';

export { XLSX_MIME_TYPE };

export interface ExportXlsxInput {
  cycleId: string;
  doc: XlsxDoc;
  /** For a partner template: the organisation's id, short name or name. */
  partnerOrgId?: string;
}

/**
 * The Excel deliverables: the cycle workbook, or a partner's fill-in template. A Buffer out, no
 * files or dialogs here; the CLI writes it to disk, the app hands it to a save dialog.
 */
export async function exportXlsx(ctx: AppContext, input: ExportXlsxInput): Promise<{ fileName: string; buffer: Buffer }> {
  if (input.doc === 'blank-workbook') return exportBlankWorkbook(ctx.now(), ctx.userName);
  const data = loadCycleData(ctx, input.cycleId);
  const exportedAt = ctx.now().toISOString();
  const meta = (kind: WorkbookMeta['kind'], organisationId: string | null): WorkbookMeta => ({
    kind,
    version: TEMPLATE_VERSION,
    cycleId: data.cycle.id,
    organisationId,
    exportedAt,
    exportedBy: ctx.userName || 'Pamoja JWP',
    appVersion: APP_VERSION,
  });
  if (input.doc === 'workbook') {
    return {
      fileName: exportFileName({ cycle: data.cycle, document: 'workbook', extension: 'xlsx' }),
      buffer: await writeCycleWorkbook(data, meta('cycle-workbook', null)),
    };
  }
  const org = resolvePartner(data, input.partnerOrgId);
  const details = meta('partner-template', org.id);
  const buffer = await writePartnerTemplate(data, org, { ...details, binding: templateBinding(ctx, details) });
  return { fileName: exportFileName({ cycle: data.cycle, document: 'partner-template', organisation: orgListName(org), extension: 'xlsx' }), buffer };
}

/** The cycle workbook with its sheets and headers and no rows: needs no database. */
export async function exportBlankWorkbook(now: Date, userName: string): Promise<{ fileName: string; buffer: Buffer }> {
  const data = blankCycleData(now);
  const meta: WorkbookMeta = {
    kind: 'cycle-workbook',
    version: TEMPLATE_VERSION,
    cycleId: data.cycle.id,
    organisationId: null,
    exportedAt: now.toISOString(),
    exportedBy: userName || 'Pamoja JWP',
    appVersion: APP_VERSION,
  };
  return { fileName: exportFileName({ cycle: null, document: 'blank-workbook', extension: 'xlsx' }), buffer: await writeCycleWorkbook(data, meta) };
}

/**
 * The checks an export can make at once (the cycle exists, the partner is one of its
 * organisations), so a screen hears of a mistake before any background work starts.
 */
export function checkXlsxRequest(ctx: AppContext, input: ExportXlsxInput): void {
  if (input.doc === 'blank-workbook') return;
  getCycle(ctx, input.cycleId);
  if (input.doc === 'partner-template')
    resolvePartner({ organisations: registerServices.organisation.list(ctx, { cycleId: input.cycleId }) }, input.partnerOrgId);
}

/** The partner named by id, short name or name (case and spacing ignored). */
export function resolvePartner(data: Pick<CycleData, 'organisations'>, reference: string | undefined): OrganisationDto {
  const field = 'partnerOrgId';
  if (!reference?.trim()) throw invalidField(field, 'Partner: say which organisation the template is for (its short name, name or id).');
  const wanted = reference.trim().toLowerCase().replace(/\s+/g, ' ');
  const byId = data.organisations.find((o) => o.id === reference.trim());
  if (byId) return byId;
  const matches = data.organisations.filter((o) => [o.shortName, o.name].some((name) => name.trim().toLowerCase().replace(/\s+/g, ' ') === wanted));
  if (matches.length === 1 && matches[0]) return matches[0];
  const known = data.organisations.map(orgListName).join(', ');
  if (matches.length > 1)
    throw invalidField(field, `Partner: "${reference}" names ${matches.length} organisations; use the id instead. Organisations: ${known}.`);
  throw invalidField(field, `Partner: no organisation of this cycle is called "${reference}". Organisations: ${known || 'none yet'}.`);
}
