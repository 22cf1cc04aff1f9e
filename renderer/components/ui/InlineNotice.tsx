import type { ReactNode } from 'react';

/**
 * A message that stays on the screen beside what it is about (the top bar's notice says a save
 * happened; this says why something did not, or what to mind): a refusal just made (problem, read
 * out at once), a standing caution (warning), or a plain fact about the screen (info).
 */
export type InlineNoticeTone = 'problem' | 'warning' | 'info';

const LOOK: Record<InlineNoticeTone, { className: string; role: 'alert' | 'note' | 'status' }> = {
  problem: { className: 'form__alert', role: 'alert' },
  warning: { className: 'form__warning', role: 'note' },
  info: { className: 'inline-notice--info', role: 'status' },
};

interface InlineNoticeProps {
  tone?: InlineNoticeTone;
  title?: ReactNode;
  /** A caution that comes and goes as the officer types: read out when it appears. */
  live?: boolean;
  children?: ReactNode;
}

export function InlineNotice({ tone = 'problem', title, live = false, children }: InlineNoticeProps) {
  const look = LOOK[tone];
  return (
    <div className={look.className} role={live && tone === 'warning' ? 'status' : look.role}>
      {title ? <p className="form__alert-title">{title}</p> : null}
      {children}
    </div>
  );
}
