import type { Route } from '../routing/routes';
import { NoticeBar } from './NoticeBar';

/** The band across the top of every screen: the app's name, the installation's tools, and who is recording changes. */
export function TopBar({ userName, route }: { userName: string; route: Route }) {
  return (
    <header className="topbar">
      <a className="topbar__brand" href="#/">
        <span className="topbar__mark" aria-hidden="true">
          P
        </span>
        <span>
          <span className="topbar__name">Pamoja JWP</span>
          <span className="topbar__tagline">County Joint Work Planning</span>
        </span>
      </a>
      <NoticeBar />
      <nav className="topbar__nav" aria-label="Installation">
        <a href="#/audit" aria-current={route.name === 'audit' ? 'page' : undefined}>
          Audit log
        </a>
        <a href="#/backups" aria-current={route.name === 'backups' ? 'page' : undefined}>
          Backups
        </a>
      </nav>
      <p className="topbar__user">
        Changes recorded as <strong>{userName}</strong>
      </p>
    </header>
  );
}
