import { useEffect, useState } from 'react';
import { dismissNotice, type Notice } from './notices';
import { useNotice } from './use-notice';

const VISIBLE_MS = 8000;
/** Long enough to notice a mistake and reach the Undo button. */
const WITH_ACTION_MS = 15000;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Confirms a save in the top bar's empty middle, where it covers no button, field or table row;
 * the live region lets screen readers hear it too. Esc dismisses it, unless a panel or dialog
 * took that Esc to close itself. A save's notice carries its Undo (Ctrl+Z too, outside a text box,
 * where Ctrl+Z undoes typing); a problem stays until dismissed.
 */
export function NoticeBar() {
  const notice = useNotice();
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (!notice) return;
    const run = () => void runAction(notice, setRunning);
    const timer = notice.tone === 'problem' ? undefined : window.setTimeout(() => dismissNotice(notice.id), notice.action ? WITH_ACTION_MS : VISIBLE_MS);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) dismissNotice(notice.id);
      if (notice.action && event.key.toLowerCase() === 'z' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !isTyping(event.target)) {
        event.preventDefault();
        run();
      }
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
        <div className={notice.tone === 'problem' ? 'notice notice--problem' : 'notice'} title={notice.text}>
          <span className="notice__icon" aria-hidden="true">
            {notice.tone === 'problem' ? '!' : '✓'}
          </span>
          <span className="notice__text">{notice.text}</span>
          {notice.action ? (
            <button type="button" className="notice__action" disabled={running} onClick={() => void runAction(notice, setRunning)}>
              {running ? 'Working…' : notice.action.label}
            </button>
          ) : null}
          <button type="button" className="notice__close" aria-label="Dismiss message (Esc)" onClick={() => dismissNotice(notice.id)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}

async function runAction(notice: Notice, setRunning: (running: boolean) => void): Promise<void> {
  if (!notice.action) return;
  setRunning(true);
  try {
    await notice.action.run();
  } finally {
    setRunning(false);
  }
}
