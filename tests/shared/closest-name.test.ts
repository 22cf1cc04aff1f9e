import { describe, expect, it } from 'vitest';
import { closestName } from '../../shared/closest-name';

const wards = ['Garbatulla', 'Kinna', 'Sericho', 'Oldonyiro', 'Burat', 'Wabera', 'Bulla Pesa', 'Chari', 'Cherab', 'Ngaremara'];

describe('closestName', () => {
  it('finds the name a typing slip or two away', () => {
    expect(closestName('Garbatula', wards)).toBe('Garbatulla');
    expect(closestName('Olodnyiro', wards)).toBe('Oldonyiro');
    expect(closestName('bulla-pesa', wards)).toBe('Bulla Pesa');
    expect(closestName('Ngaremarra ', wards)).toBe('Ngaremara');
  });

  it('finds the one name that begins with what was typed', () => {
    expect(closestName('Garba', wards)).toBe('Garbatulla');
    expect(closestName('Ngare', wards)).toBe('Ngaremara');
  });

  it('guesses nothing when nothing is close, when two are as close, or from a word too short', () => {
    expect(closestName('Atlantis', wards)).toBeNull();
    expect(closestName('Kenna', ['Kinna', 'Kanna'])).toBeNull();
    expect(closestName('Wa', wards)).toBeNull();
    expect(closestName('Ch', ['Chari'])).toBeNull();
  });
});
