import { exportFileName } from '../../shared/export-file-name';
import type { RoundMemberDto } from '../../shared/api/schemas/rounds';
import { formatDisplayDate } from '../../shared/dates';
import { itemsText, totalItems, type RoundItemCounts } from '../../shared/rounds/missing';
import { ServiceError } from '../../shared/result';
import { exportBundle, readCycleForBundles, type CycleForBundles } from '../bundles/export';
import { BUNDLE_MIME_TYPE } from '../bundles/limits';
import { loadCycleData, type CycleData } from '../exports/xlsx/cycle-data';
import { TEMPLATE_VERSION, type WorkbookMeta } from '../exports/xlsx/meta-sheet';
import { writePartnerTemplate } from '../exports/xlsx/partner-template';
import { templateBinding } from '../exports/xlsx/template-binding';
import { XLSX_MIME_TYPE } from '../../shared/api/methods/xlsx';
import { APP_VERSION } from '../services/app-info';
import { audited } from '../services/audited-write';
import type { AppContext } from '../services/context';
import { registerServices } from '../services/index';
import { emlOf, recipientsOf, type Recipient } from './email';
import { requireOpenRound, updateMember } from './open-close';
import { memberStatuses, periodOf } from './status';
import { membersOf, type RoundRow } from './store';

/**
 * Prepares a round's requests (or reminders): for each organisation a folder with the file it
 * fills in — its partner bundle, or the Excel partner template bound to it and to the round — and
 * an e-mail draft (.eml) addressed to its contacts with that file attached. Nothing is sent.
 * Every organisation's e-mail addresses are checked before anything is made.
 */

export interface PreparedFolder {
  organisationId: string;
  folder: string;
  files: { name: string; content: Buffer }[];
}

export type PrepareKind = 'request' | 'reminder';

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 40) || 'organisation';

/** Who, of the round, gets one: everyone for a request; those still missing something for a reminder. */
function chosen(members: RoundMemberDto[], kind: PrepareKind, only?: string): RoundMemberDto[] {
  const wanted = members.filter((m) => (only === undefined ? true : m.organisationId === only));
  return kind === 'request' ? wanted : wanted.filter((m) => totalItems(m.missing) > 0);
}

export async function prepareRound(ctx: AppContext, cycleId: string, kind: PrepareKind, only?: string): Promise<PreparedFolder[]> {
  const round = requireOpenRound(ctx, cycleId);
  const members = chosen(memberStatuses(ctx, round), kind, only);
  const problems = members.flatMap((m) => (m.emailProblem ? [m.emailProblem] : []));
  if (problems.length) {
    throw new ServiceError({
      code: 'invalid_input',
      message: `No ${kind === 'request' ? 'requests' : 'reminders'} were prepared: ${problems.join(' ')}`,
    });
  }
  // The cycle is read once, for every template and every bundle of the round.
  const data = loadCycleData(ctx, cycleId);
  const forBundles = members.some((m) => m.channel === 'bundle') ? readCycleForBundles(ctx, cycleId) : undefined;
  const from = secretariatSender(ctx, data);
  const folders: PreparedFolder[] = [];
  for (const member of members) {
    const attachment = await attachmentFor(ctx, { data, forBundles }, round, member);
    const eml = await emlOf({
      from,
      to: member.recipients,
      subject: subjectOf(data, round, ctx, kind),
      text: bodyOf(ctx, data, round, member, kind, from),
      date: ctx.now(),
      attachment,
    });
    folders.push({
      organisationId: member.organisationId,
      folder: slug(member.shortName),
      files: [
        { name: attachment.fileName, content: attachment.content },
        { name: kind === 'request' ? 'request.eml' : 'reminder.eml', content: eml },
      ],
    });
  }
  markAsked(ctx, round, kind, folders);
  return folders;
}

function markAsked(ctx: AppContext, round: RoundRow, kind: PrepareKind, folders: PreparedFolder[]): void {
  const byOrg = new Map(membersOf(ctx, round.id).map((m) => [m.organisationId, m]));
  audited(ctx, { cycleId: round.cycleId }, (tx) => {
    for (const folder of folders) {
      const member = byOrg.get(folder.organisationId);
      if (!member) continue;
      const at = tx.now().toISOString();
      updateMember(tx, round, member, kind === 'request' ? { askedAt: at, askedFile: folder.files[0]?.name ?? null } : { remindedAt: at });
    }
  });
}

async function attachmentFor(
  ctx: AppContext,
  { data, forBundles }: { data: CycleData; forBundles?: CycleForBundles },
  round: RoundRow,
  member: RoundMemberDto,
) {
  const fileName = (document: 'partner-bundle' | 'partner-template', extension: 'jwpb' | 'xlsx') =>
    exportFileName({ cycle: data.cycle, document, organisation: member.shortName, period: round.periodKey, extension });
  if (member.channel === 'bundle') {
    const bundle = exportBundle(ctx, { cycleId: round.cycleId, kind: 'partner', partnerOrgId: member.organisationId }, forBundles);
    return { fileName: fileName('partner-bundle', 'jwpb'), contentType: BUNDLE_MIME_TYPE, content: Buffer.from(bundle.bytes) };
  }
  const org = data.organisations.find((o) => o.id === member.organisationId);
  if (!org) throw new Error(`The organisation ${member.organisationId} is not in the cycle.`);
  const details: WorkbookMeta = {
    kind: 'partner-template',
    version: TEMPLATE_VERSION,
    cycleId: round.cycleId,
    organisationId: org.id,
    exportedAt: ctx.now().toISOString(),
    exportedBy: ctx.userName || 'Pamoja JWP',
    appVersion: APP_VERSION,
    roundId: round.id,
    periodKey: round.periodKey,
  };
  const content = await writePartnerTemplate(
    data,
    org,
    { ...details, binding: templateBinding(ctx, details) },
    { learningAndRisks: round.asksLearningAndRisks },
  );
  return { fileName: fileName('partner-template', 'xlsx'), contentType: XLSX_MIME_TYPE, content };
}

/** The Secretariat writes from its key contact's address (Outlook puts the sending account there anyway). */
function secretariatSender(ctx: AppContext, data: CycleData): Recipient {
  const lead = data.cycle.leadOrgId;
  const leadOrg = data.organisations.find((o) => o.id === lead);
  const name = `JWP Secretariat${leadOrg ? `, ${leadOrg.shortName || leadOrg.name}` : ''}`;
  if (lead) {
    const contacts = registerServices.contact.list(ctx, { cycleId: data.cycle.id }).filter((c) => c.organisationId === lead);
    const { recipients } = recipientsOf(name, contacts);
    if (recipients[0]) return { name, email: recipients[0].email };
  }
  return { name, email: 'jwp-secretariat@localhost' };
}

function subjectOf(data: CycleData, round: RoundRow, ctx: AppContext, kind: PrepareKind): string {
  const period = periodOf(ctx, round);
  const due = round.dueDate ? ` — due ${formatDisplayDate(round.dueDate)}` : '';
  return `${kind === 'reminder' ? 'Reminder: ' : ''}${period.label} report for the ${data.cycle.title}${due}`;
}

function lines(counts: RoundItemCounts): string[] {
  return [
    counts.indicatorActuals ? `- the actual value of ${counts.indicatorActuals} indicator${counts.indicatorActuals === 1 ? '' : 's'} you report on` : '',
    counts.disbursements ? `- the amount disbursed on ${counts.disbursements} budget line${counts.disbursements === 1 ? '' : 's'} you contribute` : '',
    counts.activities ? `- the status and % done of ${counts.activities} activit${counts.activities === 1 ? 'y' : 'ies'} you lead` : '',
    counts.risks ? `- the status and mitigation of ${counts.risks} risk${counts.risks === 1 ? '' : 's'} you are responsible for` : '',
    counts.learningEntries ? '- your learning entries for the period: what worked, what did not, what to improve' : '',
  ].filter((line) => line !== '');
}

function bodyOf(ctx: AppContext, data: CycleData, round: RoundRow, member: RoundMemberDto, kind: PrepareKind, from: Recipient): string {
  const period = periodOf(ctx, round);
  const greeting = `Dear ${member.recipients.map((r) => r.name).join(', ')},`;
  const due = round.dueDate ? `by ${formatDisplayDate(round.dueDate)}` : 'as soon as you can';
  const how =
    member.channel === 'bundle'
      ? `Please open the attached bundle in Pamoja JWP, enter your figures for ${period.key}, and send us your bundle back ${due}.`
      : `Please fill in the attached Excel template (your rows are already in it) and send it back to us ${due}. Keep the file as it is otherwise: it is made for ${member.shortName} and this round.`;
  const intro =
    kind === 'reminder'
      ? `We have not yet received all of ${member.shortName}'s figures for ${period.label} (${formatDisplayDate(period.start)} – ${formatDisplayDate(period.end)}). Still missing: ${itemsText(member.missing)}.`
      : round.message || `The JWP Secretariat is collecting every partner's figures for the ${period.label} M&E progress report of the ${data.cycle.title}.`;
  const asked = lines(kind === 'reminder' ? member.missing : member.asked);
  return [
    greeting,
    '',
    intro,
    '',
    ...(asked.length ? [`For ${period.label} we ask ${member.shortName} for:`, ...asked, ''] : []),
    how,
    '',
    'Thank you,',
    ctx.userName || 'The JWP Secretariat',
    from.name,
    '',
  ].join('\n');
}
