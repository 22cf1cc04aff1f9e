import fs from 'node:fs';
import path from 'node:path';
import { applyBundle, exportBundle, keysInfo, listImports, previewBundle, trustSender, undoLastImport } from '../../bundles/index';
import { BUNDLE_LIMITS } from '../../bundles/limits';
import { previewText } from '../../bundles/preview-text';
import { openApp } from '../../app-context';
import { closeDb } from '../../db/open-db';
import { resourcesDir } from '../../resource-paths';
import type { AppContext } from '../../services/context';
import { asCliError, CliError } from '../cli-error';
import { chooseCycle, findOrganisation, openExisting, parseFlags, requireDbFlag } from '../options';
import type { Command } from './command';
import { speakerName } from '../../../shared/domain/organisations';

const out = (text: string) => process.stdout.write(text);
/** `pamoja bundle import` exit codes: 0 applied (or nothing to do), 1 conflicts left, 2 refused. */
const EXIT = { applied: 0, conflicts: 1, refused: 2 } as const;

/**
 * Opens the database; `create` lets a partner's first import (or first trusted key) start a new
 * one, as the app does on first start. A database created for an import that wrote nothing is
 * removed again, so a refused bundle leaves no trace.
 */
function withDb<T>(file: string, work: (ctx: AppContext) => T, create: { keepIf: (result: T) => boolean } | null = null): T {
  const created = create !== null && !fs.existsSync(file);
  const ctx = created ? openApp({ file, resourcesDir }) : openExisting(file);
  let keep = true;
  try {
    ctx.userName ||= 'pamoja bundle';
    const result = work(ctx);
    keep = !created || (create?.keepIf(result) ?? true);
    return result;
  } catch (error) {
    keep = !created;
    throw asCliError(error);
  } finally {
    closeDb(ctx.db);
    if (!keep) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

/** The bundle file, read whole; a missing or oversized file is a refusal (nothing written). */
function readBundleFile(file: string | undefined): Uint8Array {
  if (!file) throw new CliError('name the bundle file: pamoja bundle import --db FILE BUNDLE.jwpb.');
  if (!fs.existsSync(file)) throw new CliError(`there is no bundle at ${file}.`, EXIT.refused);
  const size = fs.statSync(file).size;
  if (size > BUNDLE_LIMITS.maxFileBytes)
    throw new CliError(
      `${file} is ${Math.round(size / 1024 / 1024)} MB; a bundle is at most ${BUNDLE_LIMITS.maxFileBytes / 1024 / 1024} MB. Nothing was written.`,
      EXIT.refused,
    );
  return fs.readFileSync(file);
}

function runExport(args: string[]): number {
  const { values } = parseFlags(args, {
    db: { type: 'string' },
    cycle: { type: 'string' },
    full: { type: 'boolean' },
    partner: { type: 'string' },
    out: { type: 'string' },
  });
  const file = requireDbFlag(values.db);
  if (Boolean(values.full) === (values.partner !== undefined))
    throw new CliError('choose one: --full (the whole plan) or --partner ORG (one organisation’s part).');
  if (!values.out) throw new CliError('say where to write the bundle with --out FILE.jwpb.');
  if (path.extname(values.out).toLowerCase() !== '.jwpb') throw new CliError(`--out must name a .jwpb file, such as plan.jwpb; ${values.out} does not.`);
  const target = values.out;
  return withDb(file, (ctx) => {
    const cycle = chooseCycle(ctx, values.cycle);
    const partnerOrgId = values.partner === undefined ? null : findOrganisation(ctx, cycle.id, values.partner);
    const bundle = exportBundle(ctx, { cycleId: cycle.id, kind: partnerOrgId === null ? 'full' : 'partner', partnerOrgId });
    try {
      fs.writeFileSync(target, bundle.bytes);
    } catch (error) {
      throw new CliError(`could not write ${target}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const rows = Object.entries(bundle.counts)
      .filter(([key]) => key !== 'tombstones')
      .reduce((sum, [, n]) => sum + n, 0);
    out(
      `Wrote ${bundle.kind === 'full' ? 'the full plan' : `${bundle.manifest.partnerOrgName ?? 'the partner'}’s part`} of "${cycle.title}" to ${target} ` +
        `(${rows} rows, ${bundle.counts.tombstones ?? 0} deletions, ${Math.max(1, Math.round(bundle.sizeBytes / 1024))} KB).\n` +
        `Signed by ${bundle.manifest.sender.orgName}; key fingerprint ${bundle.fingerprint} (read it to the receiver by phone).\n` +
        `${bundle.personalData.summary}\n`,
    );
    return 0;
  });
}

function runImport(args: string[]): number {
  const { values, positionals } = parseFlags(
    args,
    { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, resolve: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  const file = requireDbFlag(values.db);
  if (positionals.length > 1) throw new CliError('name one bundle file to import.');
  const { resolve } = values;
  const resolveAll: 'mine' | 'theirs' | null = resolve === 'mine' || resolve === 'theirs' ? resolve : null;
  if (resolve !== undefined && resolveAll === null) throw new CliError('--resolve takes mine or theirs.');
  const bytes = readBundleFile(positionals[0]);
  const options = { resolutions: {}, resolveAll };
  return withDb(
    file,
    (ctx) => {
      const result = values['dry-run']
        ? { applied: false, preview: previewBundle(ctx, bytes, options).preview, import: null }
        : applyBundle(ctx, bytes, options);
      const { preview } = result;
      if (values.json) out(JSON.stringify({ applied: result.applied, dryRun: Boolean(values['dry-run']), preview, import: result.import }, null, 2) + '\n');
      else {
        out(previewText(preview));
        if (result.applied && result.import)
          out(
            `\nApplied. A verified backup was taken first${result.import.backupFile ? ` (${result.import.backupFile})` : ''}; undo with: pamoja bundle undo --db ${file}\n`,
          );
        else if (preview.status === 'ready') out('\nDry run: nothing was written.\n');
        else if (preview.status !== 'nothing') out('\nNothing was written.\n');
      }
      if (preview.status === 'refused' || preview.status === 'untrusted') return EXIT.refused;
      if (preview.status === 'conflicts') return EXIT.conflicts;
      return EXIT.applied;
    },
    { keepIf: (code) => code === EXIT.applied && !values['dry-run'] },
  );
}

/** Partner bundles: export, preview and import, undo, history. */
export const bundleCommands = {
  bundle: {
    async run(args) {
      const [sub, ...rest] = args;
      if (sub === 'export') return runExport(rest);
      if (sub === 'import') return runImport(rest);
      if (sub === 'undo') {
        const { values } = parseFlags(rest, { db: { type: 'string' } });
        return withDb(requireDbFlag(values.db), (ctx) => {
          const undone = undoLastImport(ctx);
          out(
            `Undid the import of ${undone.senderName}’s bundle imported ${undone.importedAt.slice(0, 16).replace('T', ' ')} UTC: the database is as it was before it (${undone.backupFile}).\n`,
          );
          return 0;
        });
      }
      if (sub === 'history') {
        const { values } = parseFlags(rest, { db: { type: 'string' }, json: { type: 'boolean' } });
        return withDb(requireDbFlag(values.db), (ctx) => {
          const imports = listImports(ctx, null);
          if (values.json) out(JSON.stringify(imports, null, 2) + '\n');
          else if (imports.length === 0) out('No bundles imported yet.\n');
          else
            for (const i of imports) {
              const c = i.counts;
              out(
                `${i.importedAt.slice(0, 16).replace('T', ' ')}  ${i.senderName} (${i.kind})  +${c.adds} ~${c.changes} -${c.deletions} conflicts ${c.conflictsResolved} refused ${c.refused}${i.undoneAt ? '  [undone]' : i.canUndo ? '  [can undo]' : ''}\n`,
              );
            }
          return 0;
        });
      }
      throw new CliError('say what to do: pamoja bundle export|import|undo|history (see pamoja --help).');
    },
  },

  keys: {
    async run(args) {
      const [sub, ...rest] = args;
      if (sub === 'show') {
        const { values } = parseFlags(rest, { db: { type: 'string' }, json: { type: 'boolean' } });
        return withDb(requireDbFlag(values.db), (ctx) => {
          const keys = keysInfo(ctx);
          if (values.json) {
            out(JSON.stringify(keys, null, 2) + '\n');
            return 0;
          }
          out(`This copy’s key fingerprint: ${keys.fingerprint}\n(read it out to whoever imports your bundles)\n`);
          for (const id of keys.identities) out(`  In "${id.cycleTitle}" this copy speaks for ${speakerName(id.orgName, id.role)}.\n`);
          out(keys.trusted.length === 0 ? 'No senders trusted yet.\n' : 'Trusted senders:\n');
          for (const t of keys.trusted)
            out(
              `  ${t.fingerprint}  ${t.role === 'secretariat' ? `the Secretariat (${t.label})` : t.label}  cycle ${t.cycleId}, trusted ${t.trustedAt.slice(0, 10)} by ${t.trustedBy}\n`,
            );
          return 0;
        });
      }
      if (sub === 'trust') {
        const { values, positionals } = parseFlags(rest, { db: { type: 'string' }, fingerprint: { type: 'string' }, replace: { type: 'boolean' } }, true);
        const file = requireDbFlag(values.db);
        const bytes = readBundleFile(positionals[0]);
        return withDb(
          file,
          (ctx) => {
            const preview = previewBundle(ctx, bytes, { resolutions: {}, resolveAll: null }).preview;
            const sender = preview.sender;
            if (!sender) throw new CliError(`this bundle cannot be trusted: ${preview.message}`, EXIT.refused);
            const replaces = sender.replaces.map((r) => `${r.fingerprint} (trusted ${r.trustedAt.slice(0, 10)} by ${r.trustedBy})`).join(', ');
            if (values.fingerprint === undefined) {
              out(
                `The bundle says it comes from ${speakerName(sender.orgName, sender.role)}.\n` +
                  `Its key fingerprint is:  ${sender.fingerprint}\n` +
                  (replaces
                    ? `${sender.orgName} already has a trusted key here: ${replaces}. Trusting this one REPLACES it; bundles signed with the old key will be refused.\n`
                    : '') +
                  `Phone ${sender.orgName} and ask them to read their fingerprint (pamoja keys show). Only if it is the same, run again with\n` +
                  `  --fingerprint "${sender.fingerprint}"${replaces ? ' --replace' : ''}\n`,
              );
              return 1;
            }
            const trusted = trustSender(ctx, bytes, values.fingerprint, { replace: Boolean(values.replace) });
            const who = trusted.role === 'secretariat' ? `the Secretariat (${trusted.label})` : trusted.label;
            const oldKeys = sender.replaces.map((r) => r.fingerprint).join(', ');
            out(
              oldKeys
                ? `Replaced the key trusted for ${who} (${oldKeys}) with the key ${trusted.fingerprint}; bundles signed with the old key are refused from now on. Import the bundle now.\n`
                : `Trusted ${who} for this cycle (key ${trusted.fingerprint}). Import the bundle now.\n`,
            );
            return 0;
          },
          { keepIf: (code) => code === 0 },
        );
      }
      throw new CliError('say what to do: pamoja keys show|trust (see pamoja --help).');
    },
  },
} satisfies Record<string, Command>;
