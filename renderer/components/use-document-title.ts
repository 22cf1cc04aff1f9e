import { useEffect } from 'react';

/** Names the window (Electron's title bar, the browser tab) after what it shows. */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Pamoja JWP` : 'Pamoja JWP';
  }, [title]);
}
