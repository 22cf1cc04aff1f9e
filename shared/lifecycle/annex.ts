import type { ReadableDiff } from './describe';

/**
 * The Word annex "Changes since version N", as plain data: a renderer prints the title, the intro,
 * then one table per section with the columns Change · Item · Details. Nothing here knows Word.
 */
export interface ChangesAnnex {
  title: string;
  intro: string;
  /** True when the two sides hold the same plan: the annex then says so and has no sections. */
  noChanges: boolean;
  sections: ChangesAnnexSection[];
}

export interface ChangesAnnexSection {
  heading: string;
  rows: ChangesAnnexRow[];
}

export interface ChangesAnnexRow {
  change: 'Added' | 'Removed' | 'Changed';
  item: string;
  /** One line per field: "Status: Planned → Ongoing" (changed), "Status: Planned" (added or removed). */
  details: string[];
}

const CHANGE_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function changesAnnex(diff: ReadableDiff): ChangesAnnex {
  const since = diff.from.version === null ? diff.from.label : `version ${diff.from.version}`;
  const title = `Changes since ${since}`;
  const intro = diff.identical
    ? `${capitalise(diff.to.label)} (fingerprint ${diff.to.fingerprint}) holds exactly the plan of ${diff.from.label} (fingerprint ${diff.from.fingerprint}): nothing has changed.`
    : `What changed from ${diff.from.label} (fingerprint ${diff.from.fingerprint}) to ${diff.to.label} (fingerprint ${diff.to.fingerprint}): ${diff.summary.toLowerCase()}. Each change shows the old value → the new value.`;
  const sections: ChangesAnnexSection[] = [];
  if (diff.cycle.length > 0) {
    sections.push({
      heading: 'General information',
      rows: [{ change: 'Changed', item: 'The cycle', details: diff.cycle.map((field) => `${field.label}: ${field.old} → ${field.new}`) }],
    });
  }
  for (const register of diff.registers) {
    sections.push({
      heading: register.heading,
      rows: register.rows.map((row) => ({
        change: CHANGE_WORDS[row.kind],
        item: row.label,
        details: row.fields.map((field) =>
          row.kind === 'changed' ? `${field.label}: ${field.old} → ${field.new}` : `${field.label}: ${row.kind === 'added' ? field.new : field.old}`,
        ),
      })),
    });
  }
  return { title, intro, noChanges: diff.identical, sections };
}
