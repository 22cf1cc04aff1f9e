import { auditRoute, cycleRoute, hrefFor, type CycleScreen } from '../../routing/routes';
import { availableScreens } from './cycle-screens';

export function CycleNav({ cycleId, current }: { cycleId: string; current: CycleScreen }) {
  return (
    <nav className="sidebar" aria-label="Registers of this cycle">
      <a className="sidebar__back" href="#/">
        ← All cycles
      </a>
      <ul className="sidebar__list">
        {availableScreens.map(({ screen, label }) => (
          <li key={screen}>
            <a className="sidebar__link" href={hrefFor(cycleRoute(cycleId, screen))} aria-current={screen === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
      <a className="sidebar__aside" href={hrefFor(auditRoute({ cycleId }))}>
        Audit log of this cycle
      </a>
    </nav>
  );
}
