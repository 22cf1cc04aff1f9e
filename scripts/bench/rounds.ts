import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportBundle, readCycleForBundles } from '../../main/bundles/export';
import { loadCycleData } from '../../main/exports/xlsx/cycle-data';
import { TEMPLATE_VERSION } from '../../main/exports/xlsx/meta-sheet';
import { writePartnerTemplate } from '../../main/exports/xlsx/partner-template';
import { templateBinding } from '../../main/exports/xlsx/template-binding';
import { emlOf } from '../../main/rounds/email';
import { openRound, prepareRound, roundStatus, setChannel, type PreparedFolder } from '../../main/rounds/index';
import type { AppContext } from '../../main/services/context';
import type { BenchSection } from './sections';
import { measureAsync, medianOf, type Measured } from './measure';

/** The folders as `pamoja round prepare --out DIR` writes them. */
function writeFolders(dir: string, folders: readonly PreparedFolder[]): void {
  for (const folder of folders) {
    fs.mkdirSync(path.join(dir, folder.folder), { recursive: true });
    for (const file of folder.files) fs.writeFileSync(path.join(dir, folder.folder, file.name), file.content);
  }
}

/**
 * Where a prepare's time goes, each part made once more on its own from the same round: the cycle
 * read, the Excel templates, the partner bundles (main/bundles, whose speed is issue 18's), the
 * .eml drafts with their base64 attachments, and the folders written to disk.
 */
async function phases(ctx: AppContext, cycleId: string, folders: readonly PreparedFolder[], dir: string) {
  const members = roundStatus(ctx, cycleId).members;
  const round = roundStatus(ctx, cycleId).round;
  const read = await measureAsync(() => ({ data: loadCycleData(ctx, cycleId), forBundles: readCycleForBundles(ctx, cycleId) }));
  const { data, forBundles } = read.value;
  const templates = await measureAsync(async () => {
    for (const member of members.filter((m) => m.channel === 'template')) {
      const org = data.organisations.find((o) => o.id === member.organisationId);
      if (!org) continue;
      const details = {
        kind: 'partner-template',
        version: TEMPLATE_VERSION,
        cycleId,
        organisationId: org.id,
        exportedAt: ctx.now().toISOString(),
        exportedBy: 'benchmark',
        appVersion: 'bench',
        roundId: round?.id ?? '',
        periodKey: 'Q2',
      } as const;
      await writePartnerTemplate(data, org, { ...details, binding: templateBinding(ctx, details) });
    }
  });
  const bundles = await measureAsync(() => {
    for (const member of members.filter((m) => m.channel === 'bundle')) {
      exportBundle(ctx, { cycleId, kind: 'partner', partnerOrgId: member.organisationId }, forBundles);
    }
  });
  const emails = await measureAsync(async () => {
    for (const folder of folders) {
      const [attachment] = folder.files;
      if (!attachment) continue;
      await emlOf({
        from: { name: 'JWP Secretariat', email: 'jwp@example.org' },
        to: [{ name: 'Partner', email: 'partner@example.org' }],
        subject: 'Q2 report',
        text: 'Please fill in the attached file.',
        date: ctx.now(),
        attachment: { fileName: attachment.name, contentType: 'application/octet-stream', content: attachment.content },
      });
    }
  });
  const written = await measureAsync(() => writeFolders(path.join(dir, 'round-folders'), folders));
  const count = (channel: string) => members.filter((m) => m.channel === channel).length;
  return [
    ['  the cycle read once (templates + bundles)', read],
    [`  ${count('template')} Excel partner templates`, templates],
    [`  ${count('bundle')} partner bundles (main/bundles)`, bundles],
    [`  ${folders.length} .eml drafts with base64 attachments`, emails],
    [`  ${folders.length} folders written to disk`, written],
  ] as const;
}

/**
 * A reporting round on the large plan (issue 19): open the Q2 round, then prepare every request —
 * a round-bound Excel template or a partner bundle and an .eml draft per organisation. Target:
 * preparing < 5 s for 60 organisations. Every fourth organisation answers by bundle, so both
 * kinds of file are made. Then the same work part by part, to show where the time goes.
 */
export const roundsBench: BenchSection = {
  title: 'Reporting round (issue 19)',
  async run({ ctx, cycleId, dir, line, fmt }) {
    let start = performance.now();
    openRound(ctx, { cycleId, periodKey: 'Q2', dueDate: null, message: '', asksLearningAndRisks: false });
    const members = roundStatus(ctx, cycleId).members;
    line('open the Q2 round', `${members.length} organisations asked in ${fmt(performance.now() - start)} ms`);
    members.forEach((m, index) => {
      if (index % 4 === 0) setChannel(ctx, { cycleId, organisationId: m.organisationId, channel: 'bundle' });
    });
    // Median of 5: preparing again is what the Secretariat does after changing a channel or an address.
    const load = os.loadavg()[0] ?? 0;
    const runs: Measured[] = [];
    let folders: PreparedFolder[] = [];
    for (let run = 0; run < 5; run++) {
      const prepared = await measureAsync(() => prepareRound(ctx, cycleId, 'request'));
      runs.push(prepared);
      folders = prepared.value;
    }
    const bytes = folders.reduce((sum, f) => sum + f.files.reduce((s, file) => s + file.content.length, 0), 0);
    const median = medianOf(runs);
    line(
      'prepare every request (files + .eml drafts)',
      `${folders.length} organisations in ${fmt(median.ms)} ms (median of 5; CPU ${fmt(median.cpuMs)} ms), ${fmt(bytes / 1e6, 1)} MB, target < 5,000 ms; load ${fmt(load, 1)}`,
    );
    for (const [label, part] of await phases(ctx, cycleId, folders, dir)) {
      line(label, `${fmt(part.ms)} ms (CPU ${fmt(part.cpuMs)} ms)`);
    }
    start = performance.now();
    roundStatus(ctx, cycleId);
    line('round status of 60 organisations', `${fmt(performance.now() - start)} ms`);
  },
};
