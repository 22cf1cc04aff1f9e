import type { BundlePreviewDto, FieldChangeDto } from '../../shared/api/schemas/bundles';
import { speakerName } from '../../shared/domain/organisations';

/** The preview as `pamoja bundle import` prints it: what a person needs to decide, in words. */

const LIMIT = 40;

const value = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map(value).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  const text = String(v);
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
};

const fieldLine = (f: FieldChangeDto, arrow: string) => `      ${f.label}: ${value(f.mine)} ${arrow} ${value(f.theirs)}`;

function section<T>(lines: string[], title: string, items: T[], render: (item: T) => string[]): void {
  if (items.length === 0) return;
  lines.push('', `${title} (${items.length}):`);
  for (const item of items.slice(0, LIMIT)) lines.push(...render(item));
  if (items.length > LIMIT) lines.push(`    … and ${items.length - LIMIT} more (see --json).`);
}

/** After a conflict's field: a field one side changed is not a question. */
const whoChanged = (f: FieldChangeDto, sender: string) =>
  f.changedBy === 'mine' ? '  (changed only here: yours is kept)' : f.changedBy === 'theirs' ? `  (changed only by ${sender}: theirs is taken)` : '';

export function previewText(preview: BundlePreviewDto): string {
  const lines: string[] = [];
  const sender = preview.sender?.orgName ?? 'the sender';
  const b = preview.bundle;
  if (b) {
    lines.push(
      `Bundle: ${b.kind === 'full' ? 'the full plan' : `${b.partnerOrgName ?? 'a partner'}’s part`} of “${b.cycleTitle}” (${b.countyName} County), made ${b.createdAt.slice(0, 16).replace('T', ' ')} UTC`,
    );
  }
  const s = preview.sender;
  if (s) {
    const trust = s.isOwn ? 'this copy’s own key' : s.trusted ? `trusted as ${s.trustedAs ?? s.orgName}` : 'NOT trusted here';
    lines.push(`From: ${speakerName(s.orgName, s.role)} — key fingerprint ${s.fingerprint}, ${trust}`);
    for (const old of s.replaces) lines.push(`Warning: ${s.orgName} already has a trusted key here (${old.fingerprint}); trusting this one would replace it.`);
  }
  if (b) lines.push(b.personalData);
  for (const warning of preview.warnings) lines.push(`Warning: ${warning}`);
  lines.push('', preview.message);
  if (preview.status === 'refused' || preview.status === 'untrusted') {
    for (const problem of preview.problems.filter((p) => p !== preview.message)) lines.push(`  - ${problem}`);
    return lines.join('\n') + '\n';
  }
  if (preview.addsInWords.length > 0) lines.push('', `To add: ${preview.addsInWords.join(', ')}.`);
  section(lines, 'Changed by the sender (here → theirs)', preview.changes, (c) => [
    `    ${c.registerLabel} “${c.label}”`,
    ...c.fields.map((f) => fieldLine(f, '→')),
    ...(c.keeps ? [`      (${c.keeps})`] : []),
  ]);
  section(lines, 'Deleted by the sender', preview.deletions, (d) => [`    ${d.registerLabel} “${d.label}”`]);
  section(
    lines,
    'Conflicts — changed on both sides; --resolve mine|theirs decides the fields both sides changed (or in the app, field by field)',
    preview.conflicts,
    (c) => [
      `    ${c.registerLabel} “${c.label}”: ${c.reason} Suggested: keep ${c.recommended === 'mine' ? 'mine' : 'theirs'}.`,
      ...c.fields.map((f) => fieldLine(f, '| theirs:').replace(`${f.label}: `, `${f.label}: mine: `) + whoChanged(f, sender)),
    ],
  );
  section(lines, 'Refused', preview.refused, (r) => [`    ${r.registerLabel} “${r.label}”: ${r.reason}`]);
  return lines.join('\n') + '\n';
}
