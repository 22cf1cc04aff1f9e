import type { ReactNode } from 'react';

/**
 * The heading every screen opens with: a screen of its own (the start screen, Audit log, Backups)
 * has the page's one h1; a screen inside a cycle sits under the cycle's title, so it is an h2 of
 * the size every cycle screen's heading has.
 */
export function PageHeader({ title, lead, level = 1 }: { title: string; lead?: ReactNode; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <header className="page-header" data-page-header="">
      <Heading className={level === 1 ? 'page__title' : 'screen__title'}>{title}</Heading>
      {lead ? <p className="page__lead">{lead}</p> : null}
    </header>
  );
}
