import { useEffect } from 'react';
import { dismissNotice } from './notices';
import { useNotice } from './use-notice';

const VISIBLE_MS = 8000;

/**
 * Confirms a save in the top bar's empty middle, where it covers no button, field or table row;
 * the live region lets screen readers hear it too. Esc dismisses it, unless a panel or dialog
 * took that Esc to close itself.
 */
export function NoticeBar() {
  const notice = useNotice();

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => dismissNotice(notice.id), VISIBLE_MS);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) dismissNotice(notice.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [notice]);

  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className="notice" title={notice.text}>
          <span className="notice__icon" aria-hidden="true">
            ✓
          </span>
          <span className="notice__text">{notice.text}</span>
          <button type="button" className="notice__close" aria-label="Dismiss message (Esc)" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
