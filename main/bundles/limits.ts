/**
 * What a bundle may hold. A county plan of 5,000 activities and 20,000 budget lines is about
 * 25 MB of JSON and 3 MB zipped; these limits leave room for ten times that and stop a file that
 * would unpack to gigabytes (a "zip bomb") before anything is inflated.
 */
export const BUNDLE_LIMITS = {
  /** The file itself. */
  maxFileBytes: 100 * 1024 * 1024,
  maxEntries: 64,
  /** Declared and actual size of one unpacked entry. */
  maxEntryBytes: 128 * 1024 * 1024,
  /** All entries together, unpacked. */
  maxTotalBytes: 256 * 1024 * 1024,
  /** Unpacked ÷ packed, for entries over `ratioAppliesFrom`; JSON of UUID-keyed rows packs about 5–15 times. */
  maxRatio: 200,
  ratioAppliesFrom: 1024 * 1024,
} as const;

export const FORMAT_NAME = 'pamoja-jwp-bundle';
/**
 * The newest format this copy reads. 2 added the cycle records (approved versions, signatures,
 * checklists, analysis decisions); 3 added the county's ward boundaries; 4 gave indicators their
 * desired direction and band (older indicators are upgraded on reading, see upgrade-rows.ts); 5
 * added the reporting rounds (who was asked, who answered, when: main/rounds); 6 added the manual's
 * M&E and learning template fields (activity type, an indicator's sustainability, a report's format
 * and audience, how learning is captured, when and for what use, a recommendation's priority); 7 let
 * a round ask for learning entries and risk updates; 8 lets an in-kind budget line be recorded as not
 * valued (`valueNotEstimated`). A bundle says the oldest format that can read it (`formatNeeded`),
 * so older copies read what they can.
 */
export const FORMAT_VERSION = 8;
/** The format whose budget lines say whether their value was estimated. */
export const FORMAT_WITH_UNVALUED_LINES = 8;
/** The format whose rounds say whether they ask for learning entries and risk updates. */
export const FORMAT_WITH_ROUND_ASKS = 7;
/** The format that added the M&E and learning template fields. */
export const FORMAT_WITH_TEMPLATE_FIELDS = 6;
export const FORMAT_WITHOUT_BOUNDARIES = 2;
export const FORMAT_WITH_BOUNDARIES = 3;

/** The format that gave indicators their direction; bundles without reporting rounds still say it. */
export const FORMAT_WITH_INDICATOR_DIRECTION = 4;

/** The registers whose rows gained the M&E and learning template fields in format 6. */
const TEMPLATE_FIELD_REGISTERS: readonly string[] = ['activity', 'indicator', 'milestone', 'learningEntry', 'adaptiveTrigger'];

/** The oldest format whose readers know every field and entry of this bundle (`registers`: those it has rows of). */
export function formatNeeded(contents: { registers: readonly string[]; boundaries: boolean; rounds?: boolean }): number {
  if (contents.registers.includes('contribution')) return FORMAT_WITH_UNVALUED_LINES;
  if (contents.rounds) return FORMAT_WITH_ROUND_ASKS;
  if (contents.registers.some((register) => TEMPLATE_FIELD_REGISTERS.includes(register))) return FORMAT_WITH_TEMPLATE_FIELDS;
  if (contents.registers.includes('indicator')) return FORMAT_WITH_INDICATOR_DIRECTION;
  return contents.boundaries ? FORMAT_WITH_BOUNDARIES : FORMAT_WITHOUT_BOUNDARIES;
}
export const BUNDLE_MIME_TYPE = 'application/vnd.pamoja.jwp-bundle+zip';
