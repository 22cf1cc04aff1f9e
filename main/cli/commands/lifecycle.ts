import { approveInput, diffInput, rolloverInput } from '../../../shared/api/schemas/lifecycle';
import { formatDisplayDate } from '../../../shared/dates';
import type { ReadableDiff } from '../../../shared/lifecycle/describe';
import { closeDb } from '../../db/open-db';
import { compareVersions } from '../../lifecycle/compare';
import { previewRollover, runRollover } from '../../lifecycle/rollover';
import { approveVersion, listVersions } from '../../lifecycle/versions';
import type { AppContext } from '../../services/context';
import { validate } from '../../services/validate';
import { asCliError, CliError } from '../cli-error';
import { chooseCycle, openExisting, parseFlags, requireDbFlag } from '../options';
import { alignedTable } from '../table';
import type { Command } from './command';

const out = (text: string) => process.stdout.write(text);

function withDb<T>(file: string, work: (ctx: AppContext) => T): T {
  const ctx = openExisting(file);
  try {
    return work(ctx);
  } catch (error) {
    throw asCliError(error);
  } finally {
    closeDb(ctx.db);
  }
}

function versionNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new CliError(`--${flag} takes a version number such as 1 or 2, not "${value}".`);
  return Number(value);
}

const MARKS = { added: '+', removed: '-', changed: '~' } as const;

/** The diff as a terminal reads it: one block per register, one line per row, one indented line per field. */
export function diffText(diff: ReadableDiff): string {
  const lines = [`Changes from ${diff.from.label} (${diff.from.fingerprint}) to ${diff.to.label} (${diff.to.fingerprint}): ${diff.summary}.`];
  if (diff.cycle.length > 0) {
    lines.push('', 'General information');
    for (const field of diff.cycle) lines.push(`  ~ ${field.label}: ${field.old} → ${field.new}`);
  }
  for (const register of diff.registers) {
    lines.push(
      '',
      `${register.heading} (${[register.added && `${register.added} added`, register.removed && `${register.removed} removed`, register.changed && `${register.changed} changed`].filter(Boolean).join(', ')})`,
    );
    for (const row of register.rows) {
      lines.push(`  ${MARKS[row.kind]} ${row.label}`);
      if (row.kind === 'changed') for (const field of row.fields) lines.push(`      ${field.label}: ${field.old} → ${field.new}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Approve, list versions, compare, roll over: the life of a cycle from a terminal. */
export const lifecycleCommands = {
  approve: {
    async run(args) {
      const { values } = parseFlags(args, {
        db: { type: 'string' },
        cycle: { type: 'string' },
        by: { type: 'string' },
        on: { type: 'string' },
        note: { type: 'string' },
        json: { type: 'boolean' },
      });
      if (!values.by) throw new CliError('say who approves with --by NAME (recorded with the version).');
      return withDb(requireDbFlag(values.db), (ctx) => {
        const cycle = chooseCycle(ctx, values.cycle);
        ctx.userName = values.by ?? ctx.userName;
        const version = approveVersion(ctx, validate(approveInput, { cycleId: cycle.id, approvedBy: values.by, approvedOn: values.on, note: values.note }));
        if (values.json) out(JSON.stringify(version, null, 2) + '\n');
        else
          out(
            `Approved version ${version.number} of "${cycle.title}": fingerprint ${version.fingerprint} (approved ${formatDisplayDate(version.approvedOn)} by ${version.approvedBy}).\n`,
          );
        return 0;
      });
    },
  },

  versions: {
    async run(args) {
      const { values } = parseFlags(args, { db: { type: 'string' }, cycle: { type: 'string' }, json: { type: 'boolean' } });
      return withDb(requireDbFlag(values.db), (ctx) => {
        const cycle = chooseCycle(ctx, values.cycle);
        const list = listVersions(ctx, cycle.id);
        if (values.json) {
          out(JSON.stringify(list, null, 2) + '\n');
          return 0;
        }
        if (list.versions.length === 0) out(`"${cycle.title}" has no approved version yet.\n`);
        else {
          const rows = list.versions.map((v) => [
            v.number,
            v.fingerprint,
            formatDisplayDate(v.approvedOn),
            v.approvedBy,
            `${v.signatures.length} of ${v.signatures.length + v.unsigned.length}`,
          ]);
          out(alignedTable(['version', 'fingerprint', 'approved', 'by', 'signed'], rows));
        }
        const { working } = list;
        const state =
          working.state === 'revision'
            ? `${working.versionLabel}: ${working.changesSinceLatest} change(s) since version ${working.latestVersion} (see pamoja diff --from ${working.latestVersion}).`
            : working.versionLabel + '.';
        out(`Working plan: fingerprint ${working.workingFingerprint}; ${state}\n`);
        return 0;
      });
    },
  },

  diff: {
    async run(args) {
      const { values } = parseFlags(args, {
        db: { type: 'string' },
        cycle: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        json: { type: 'boolean' },
      });
      const from = versionNumber('from', values.from);
      if (from === undefined) throw new CliError('say which version to compare from with --from N.');
      const to = values.to === undefined || values.to === 'working' ? 'working' : versionNumber('to', values.to);
      return withDb(requireDbFlag(values.db), (ctx) => {
        const cycle = chooseCycle(ctx, values.cycle);
        const diff = compareVersions(ctx, validate(diffInput, { cycleId: cycle.id, from, to }));
        out(values.json ? JSON.stringify(diff, null, 2) + '\n' : diffText(diff));
        return 0;
      });
    },
  },

  rollover: {
    async run(args) {
      const { values } = parseFlags(args, {
        db: { type: 'string' },
        cycle: { type: 'string' },
        to: { type: 'string' },
        exclude: { type: 'string', multiple: true },
        title: { type: 'string' },
        by: { type: 'string' },
        json: { type: 'boolean' },
      });
      if (!values.to) throw new CliError('say which fiscal year to roll over into with --to, e.g. --to 2027/28.');
      return withDb(requireDbFlag(values.db), (ctx) => {
        const cycle = chooseCycle(ctx, values.cycle);
        if (values.by) ctx.userName = values.by;
        const preview = previewRollover(ctx, validate(rolloverInput, { cycleId: cycle.id, toFiscalYear: values.to }));
        const excluded = (values.exclude ?? [])
          .flatMap((item) => item.split(','))
          .map((item) => item.trim())
          .filter(Boolean);
        const unknown = excluded.filter((item) => !preview.unfinishedActivities.some((a) => a.id === item || a.code.toLowerCase() === item.toLowerCase()));
        if (unknown.length > 0) {
          const offered = preview.unfinishedActivities.map((a) => a.code || a.id).join(', ') || 'none';
          throw new CliError(`--exclude names no unfinished activity of this cycle: ${unknown.join(', ')}. Unfinished activities: ${offered}.`);
        }
        const isExcluded = (a: { id: string; code: string }) => excluded.some((item) => a.id === item || a.code.toLowerCase() === item.toLowerCase());
        const carryActivityIds = preview.unfinishedActivities.filter((a) => !isExcluded(a)).map((a) => a.id);
        const result = runRollover(ctx, validate(rolloverInput, { cycleId: cycle.id, toFiscalYear: values.to, title: values.title, carryActivityIds }));
        if (values.json) {
          out(JSON.stringify(result, null, 2) + '\n');
          return 0;
        }
        const c = result.carried;
        out(
          `Rolled "${cycle.title}" over into "${result.cycle.title}" (${result.cycle.id}), FY ${result.cycle.fiscalYear}.\n` +
            `Carried: ${c.organisations} organisations, ${c.contacts} contacts, ${c.objectives} objectives, ${c.activities} of ${preview.unfinishedActivities.length} unfinished activities, ` +
            `${c.indicators} indicators (last actual as baseline), ${c.risks} open risks, ${c.signatories} signatories.\n` +
            result.notes.map((note) => `  - ${note}\n`).join('') +
            `"${cycle.title}" is now read-only.\n`,
        );
        return 0;
      });
    },
  },
} satisfies Record<string, Command>;
