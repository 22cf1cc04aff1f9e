import { describe, expect, it } from 'vitest';
import { speakerName } from '../../shared/domain/organisations';

describe('speakerName: who a bundle or a copy speaks for', () => {
  it('adds the Secretariat role to a name that does not say it', () => {
    expect(speakerName('County Government of Isiolo – Department of Economic Planning', 'secretariat')).toBe(
      'County Government of Isiolo – Department of Economic Planning (the Secretariat)',
    );
  });

  it('does not repeat it when the name already says Secretariat, in any case', () => {
    const name = 'County Government of Isiolo – Department of Finance and Economic Planning (JWP Secretariat)';
    expect(speakerName(name, 'secretariat')).toBe(name);
    expect(speakerName('jwp secretariat, Marsabit', 'secretariat')).toBe('jwp secretariat, Marsabit');
  });

  it('leaves a partner’s name as it is', () => {
    expect(speakerName('Mercy Corps', 'partner')).toBe('Mercy Corps');
  });
});
