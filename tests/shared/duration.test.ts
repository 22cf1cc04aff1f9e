import { describe, expect, it } from 'vitest';
import { durationInWords } from '../../shared/dates';

describe("an activity's duration in words", () => {
  it('counts both days and says it in days, weeks or months as plans do', () => {
    expect(durationInWords('2026-08-04', '2026-08-04')).toBe('1 day');
    expect(durationInWords('2026-08-04', '2026-08-06')).toBe('3 days');
    expect(durationInWords('2026-08-01', '2026-08-14')).toBe('14 days');
    expect(durationInWords('2026-08-01', '2026-08-15')).toBe('2 weeks');
    expect(durationInWords('2026-08-01', '2026-09-15')).toBe('7 weeks');
    expect(durationInWords('2026-08-01', '2026-09-30')).toBe('2 months');
    expect(durationInWords('2026-07-01', '2026-09-30')).toBe('3 months');
    expect(durationInWords('2026-08-01', '2027-03-31')).toBe('8 months');
    expect(durationInWords('2026-07-01', '2027-06-30')).toBe('12 months');
  });

  it('is empty for dates the wrong way round, never a negative length', () => {
    expect(durationInWords('2026-09-01', '2026-08-01')).toBe('');
  });
});
