import { useEffect } from 'react';
import { dismissNotice } from './notices';
import { useNotice } from './use-notice';

const VISIBLE_MS = 8000;

/** Confirms a save where the eye lands next; the live region lets screen readers hear it too. */
export function NoticeBar() {
  const notice = useNotice();

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => dismissNotice(notice.id), VISIBLE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className="notice">
          <span className="notice__icon" aria-hidden="true">
            ✓
          </span>
          <span>{notice.text}</span>
          <button type="button" className="notice__close" aria-label="Dismiss message" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
