import { describe, expect, it } from 'vitest';
import { registerPlurals } from '../../main/db/tables';
import { registerCountKeys, registerGroups } from '../../renderer/features/overview/register-groups';

describe('register counts on the overview', () => {
  it('names every register that cycle:stats counts, once', () => {
    expect([...registerCountKeys].sort()).toEqual(Object.values(registerPlurals).sort());
  });

  it('groups counts as the plan template does and says 1 in the singular', () => {
    const groups = registerGroups({ organisations: 13, contacts: 1 });
    expect(groups[0]).toEqual({
      name: 'Stakeholders',
      screen: 'stakeholders',
      total: 14,
      counts: [
        { key: 'organisations', count: 13, label: 'organisations' },
        { key: 'contacts', count: 1, label: 'contact person' },
      ],
    });
    expect(groups.map((group) => group.name)).toEqual([
      'Stakeholders',
      'Objectives',
      'Action plan',
      'Budget',
      'Indicators',
      'Risks',
      'Reviews & learning',
      'Approvals',
    ]);
    expect(groups.find((group) => group.name === 'Risks')?.counts[0]).toEqual({ key: 'risks', count: 0, label: 'risks' });
  });
});
