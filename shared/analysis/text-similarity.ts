/**
 * A deliberately simple text similarity for activity titles and descriptions: the Jaccard index of
 * their word sets. Plans are short, written by different people in different styles; a score that
 * anyone can recompute by hand ("3 of 9 distinct words shared") is worth more here than a clever one.
 */

/** Words that say nothing about what an activity does. */
const STOPWORDS = new Set(
  'and the for with from into onto under over per its their our his her this that these those are was were will not all any each both than then via out off use using within across about also including'.split(
    ' ',
  ),
);

/** Any UTF-16 code unit beyond ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Lower-case words of three or more letters, accents dropped, stopwords removed, a plural `s`
 * trimmed ("boreholes" = "borehole"), so wording differences do not hide the same activity.
 */
export function tokens(text: string): Set<string> {
  // ASCII text has no accents to drop and is its own NFKD form: most plans are written in it, and
  // overlap detection reads the title and description of every activity.
  const plain = NON_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  const words = plain.toLowerCase().split(/[^a-z0-9]+/);
  const result = new Set<string>();
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    result.add(word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return result;
}

/**
 * |A ∩ B| / |A ∪ B| of two sets of words given as numbers (each word one number, the same for
 * both sets), sorted and without repeats; 0 when both are empty (nothing to compare is no evidence
 * of sameness). Numbers, not text: overlap detection compares the words of tens of thousands of
 * pairs, and walking two sorted arrays of numbers costs far less than looking every word up in the
 * other set by its text.
 */
export function jaccardOfSorted(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}
