import { useEffect } from 'react';

/**
 * Leaves a performance mark once a screen's content has been painted (the frame after React's
 * commit), so the browser tests and `npm run bench` can time a screen as the user sees it.
 */
export function usePaintMark(name: string, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      // A task queued from the frame callback runs after that frame is painted.
      timer = window.setTimeout(() => performance.mark(name), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [name, ready]);
}
