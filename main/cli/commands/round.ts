import fs from 'node:fs';
import path from 'node:path';
import { roundOpenInput, type RoundStatusDto } from '../../../shared/api/schemas/rounds';
import { formatDisplayDate } from '../../../shared/dates';
import { ServiceError } from '../../../shared/result';
import { closeDb } from '../../db/open-db';
import { exportDocx } from '../../exports/docx/index';
import {
  addMember,
  applyReturn,
  closeRound,
  openRound,
  prepareRound,
  previewReturn,
  removeMember,
  reopenRound,
  roundStatus,
  setChannel,
  type PreparedFolder,
} from '../../rounds/index';
import type { AppContext } from '../../services/context';
import { validate } from '../../services/validate';
import { CliError } from '../cli-error';
import { chooseCycle, findOrganisation, openExisting, parseFlags, requireDbFlag } from '../options';
import { alignedTable } from '../table';
import type { Command } from './command';

/** Exit code of a refusal: nothing was written. */
const EXIT_REFUSED = 2;
const out = (text: string) => process.stdout.write(text);

const USAGE =
  'pamoja round open --db FILE [--cycle ID] --period Q2 [--due 2027-01-15] [--message TEXT] [--learning-and-risks]\n' +
  '  pamoja round add|remove --db FILE [--cycle ID] --org ORG        (channel: --org ORG --via bundle|template)\n' +
  '  pamoja round prepare|remind --db FILE [--cycle ID] --out DIR\n' +
  '  pamoja round status --db FILE [--cycle ID] [--json]\n' +
  '  pamoja round return --db FILE [--cycle ID] [--dry-run] FILE.xlsx|FILE.jwpb\n' +
  '  pamoja round close --db FILE [--cycle ID] [--out REPORT.docx]   |   reopen --db FILE [--cycle ID] [--period Q2]';

const FLAGS = {
  db: { type: 'string' },
  cycle: { type: 'string' },
  period: { type: 'string' },
  due: { type: 'string' },
  message: { type: 'string' },
  'learning-and-risks': { type: 'boolean' },
  org: { type: 'string' },
  via: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

async function withDb<T>(file: string, work: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = openExisting(file);
  try {
    return await work(ctx);
  } catch (error) {
    // The round's refusals write nothing: exit 2, as the other importing commands do.
    if (error instanceof ServiceError) throw new CliError(error.message, EXIT_REFUSED);
    throw error;
  } finally {
    closeDb(ctx.db);
  }
}

/** Writes each organisation's folder under `dir`: its file to fill in and its e-mail draft. */
function writeFolders(dir: string, folders: PreparedFolder[]): void {
  for (const folder of folders) {
    const target = path.join(dir, folder.folder);
    fs.mkdirSync(target, { recursive: true });
    for (const file of folder.files) fs.writeFileSync(path.join(target, file.name), file.content);
  }
}

export function statusText(status: RoundStatusDto): string {
  const { round } = status;
  if (!round) return 'No reporting round has been opened in this cycle.\n';
  const head =
    `${round.periodLabel} reporting round, ${round.status}` +
    `${round.dueDate ? `, due ${formatDisplayDate(round.dueDate)}` : ''} (opened ${formatDisplayDate(round.openedOn.slice(0, 10))}` +
    `${round.closedOn ? `, closed ${formatDisplayDate(round.closedOn.slice(0, 10))}` : ''})\n\n`;
  const rows = status.members.map((m) => {
    const last = m.returns.at(-1);
    return [
      m.shortName,
      m.channel,
      m.askedAt ? m.askedAt.slice(0, 10) : '—',
      last ? `${last.receivedAt.slice(0, 10)} ${last.fileName}` : '—',
      last ? `+${last.added} ~${last.changed}` : '',
      last && last.problems.length ? String(last.problems.length) : '',
      m.state.replace('_', ' '),
      m.missingText,
    ];
  });
  return head + alignedTable(['Organisation', 'Via', 'Asked', 'Returned', 'Changed', 'Problems', 'State', 'Still missing'], rows);
}

async function run(action: string, values: ReturnType<typeof parseFlags<typeof FLAGS>>['values'], positionals: string[]): Promise<number> {
  const db = requireDbFlag(values.db);
  return withDb(db, async (ctx) => {
    const cycle = chooseCycle(ctx, values.cycle);
    const org = () => {
      if (!values.org) throw new CliError(`say which organisation with --org ORG (its short name, name or id).\n  ${USAGE}`);
      return findOrganisation(ctx, cycle.id, values.org);
    };
    const outDir = () => {
      if (!values.out) throw new CliError(`say where to write with --out DIR.\n  ${USAGE}`);
      return values.out;
    };
    switch (action) {
      case 'open': {
        if (!values.period) throw new CliError(`say which period with --period Q2.\n  ${USAGE}`);
        const input = validate(roundOpenInput, {
          cycleId: cycle.id,
          periodKey: values.period,
          dueDate: values.due ?? null,
          message: values.message ?? '',
          asksLearningAndRisks: values['learning-and-risks'] === true,
        });
        openRound(ctx, input);
        out(statusText(roundStatus(ctx, cycle.id)));
        return 0;
      }
      case 'add':
      case 'remove':
        (action === 'add' ? addMember : removeMember)(ctx, { cycleId: cycle.id, organisationId: org() });
        out(statusText(roundStatus(ctx, cycle.id)));
        return 0;
      case 'channel': {
        if (values.via !== 'bundle' && values.via !== 'template') throw new CliError('say how the organisation is asked with --via bundle or --via template.');
        setChannel(ctx, { cycleId: cycle.id, organisationId: org(), channel: values.via });
        return 0;
      }
      case 'prepare':
      case 'remind': {
        const dir = outDir();
        const folders = await prepareRound(ctx, cycle.id, action === 'prepare' ? 'request' : 'reminder');
        writeFolders(dir, folders);
        out(
          `${folders.length} ${action === 'prepare' ? 'request' : 'reminder'}${folders.length === 1 ? '' : 's'} written to ${dir}: ${folders.map((f) => f.folder).join(', ') || 'nobody is missing anything'}.\n`,
        );
        out('Open each .eml file in Outlook or Thunderbird: it opens as a draft, ready to send. Nothing was sent.\n');
        return 0;
      }
      case 'status': {
        const status = roundStatus(ctx, cycle.id);
        out(values.json ? `${JSON.stringify(status, null, 2)}\n` : statusText(status));
        return 0;
      }
      case 'return': {
        const [file, ...others] = positionals;
        if (file === undefined || others.length) throw new CliError(`name one returned file.\n  ${USAGE}`);
        if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`there is no file at ${file}.`);
        const returnFile = { fileName: path.basename(file), buffer: fs.readFileSync(file) };
        if (values['dry-run']) {
          const preview = await previewReturn(ctx, cycle.id, returnFile);
          out(
            `${preview.organisationName}'s ${preview.kind} (${preview.fileName}): ${preview.adds} to add, ${preview.changes} to change${preview.late ? ', late' : ''}.\n`,
          );
          for (const problem of preview.problems) out(`  problem: ${problem}\n`);
          out('Dry run: nothing written.\n');
          return preview.canApply ? 0 : EXIT_REFUSED;
        }
        const returned = await applyReturn(ctx, cycle.id, returnFile);
        out(
          `${returned.fileName}: ${returned.applied ? `taken in, ${returned.added} added, ${returned.changed} changed` : 'not applied (nothing in the plan changed)'}${returned.late ? ' (late)' : ''}.\n`,
        );
        for (const problem of returned.problems) out(`  problem: ${problem}\n`);
        return returned.applied ? 0 : EXIT_REFUSED;
      }
      case 'close': {
        const closed = closeRound(ctx, cycle.id);
        out(`The ${closed.periodKey} round is closed; its record is in the audit log.\n`);
        if (values.out) {
          const report = await exportDocx(ctx, cycle.id, { doc: 'me-report', period: closed.periodKey });
          fs.writeFileSync(values.out, report.buffer);
          out(`M&E progress report for ${closed.periodKey} written to ${values.out}.\n`);
        }
        return 0;
      }
      case 'reopen': {
        const reopened = reopenRound(ctx, cycle.id, values.period);
        out(`The ${reopened.periodKey} round is open again (audited).\n`);
        return 0;
      }
      default:
        throw new CliError(`say what to do with the round.\n  ${USAGE}`);
    }
  });
}

/** The quarterly reporting round from a terminal. */
export const roundCommands = {
  round: {
    async run(args) {
      const [action = '', ...rest] = args;
      const { values, positionals } = parseFlags(rest, FLAGS, true);
      if (positionals.length && action !== 'return') throw new CliError(`unexpected argument "${positionals[0]}".\n  ${USAGE}`);
      return run(action, values, positionals);
    },
  },
} satisfies Record<string, Command>;
