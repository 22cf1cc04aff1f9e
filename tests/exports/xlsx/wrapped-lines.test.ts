import { describe, expect, it } from 'vitest';
import { wrappedLines } from '../../../main/exports/xlsx/cell-style';

// A column 10 characters wide holds 10 characters a line (Calibri averages under one "0").
describe('wrappedLines', () => {
  it('counts one line for text that fits, and one per paragraph', () => {
    expect(wrappedLines('Short text', 10)).toBe(1);
    expect(wrappedLines('One\nTwo\nThree', 10)).toBe(3);
  });

  it('wraps word by word: a word that does not fit starts a new line', () => {
    // "meetings held" would fit by characters on two lines of 10, but not by words.
    expect(wrappedLines('review meetings held with', 10)).toBe(3);
    // 20 characters: two lines of 10 by count, three by words.
    expect(wrappedLines('aaaaaa bbbbbb cccccc', 10)).toBe(3);
  });

  it('breaks a word longer than a line over as many lines as it needs', () => {
    expect(wrappedLines('a'.repeat(25), 10)).toBe(3);
    expect(wrappedLines(`ab ${'c'.repeat(25)} d`, 10)).toBe(4);
  });
});
