/** The band across the top of every screen: the app's name, and who is recording changes. */
export function TopBar({ userName }: { userName: string }) {
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
      <p className="topbar__user">
        Changes recorded as <strong>{userName}</strong>
      </p>
    </header>
  );
}
