import { cycleRoute, hrefFor } from '../../routing/routes';
import { registerGroups } from './register-groups';

/** How much each register of the cycle holds, at a glance, grouped as in the plan template; each opens its screen. */
export function RegisterCounts({ cycleId, counts }: { cycleId: string; counts: Readonly<Record<string, number>> }) {
  return (
    <ul className="stat-grid" aria-label="What the cycle holds">
      {registerGroups(counts).map((group) => (
        <li key={group.name} className={group.total === 0 ? 'stat stat--empty' : 'stat'}>
          <h3 className="stat__group">
            <a href={hrefFor(cycleRoute(cycleId, group.screen))}>{group.name} →</a>
          </h3>
          <ul className="stat__list">
            {group.counts.map((item) => (
              <li key={item.key} data-register={item.key}>
                <span className="stat__value">{item.count.toLocaleString('en-KE')}</span> <span className="stat__label">{item.label}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
