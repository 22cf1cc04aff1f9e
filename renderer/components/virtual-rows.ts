import { useCallback, useLayoutEffect, useState, type UIEvent } from 'react';

export interface VisibleRange {
  /** The first row drawn, and one past the last. */
  first: number;
  last: number;
  /** Empty space above and below the drawn rows, so the scroll bar matches the whole list. */
  padTop: number;
  padBottom: number;
}

/**
 * Which rows of a fixed-height list a scroll box shows, with `overscan` rows either side so a quick
 * scroll does not show blank space before the next frame.
 */
export function visibleRange(input: { count: number; rowHeight: number; scrollTop: number; viewportHeight: number; overscan: number }): VisibleRange {
  const { count, rowHeight, scrollTop, viewportHeight, overscan } = input;
  const first = Math.max(0, Math.min(count, Math.floor(scrollTop / rowHeight) - overscan));
  const last = Math.max(first, Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan));
  return { first, last, padTop: first * rowHeight, padBottom: (count - last) * rowHeight };
}

export interface VirtualRows extends VisibleRange {
  /** A callback ref for the scroll box. */
  ref: (box: HTMLDivElement | null) => void;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
}

/**
 * Draws only the rows in view of a scroll box: 5,000 activities cost what 30 do. The box's height
 * comes from CSS; it is measured before the first paint and again when it changes.
 */
export function useVirtualRows(count: number, rowHeight: number, overscan = 12): VirtualRows {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  // Before measuring, draw a screenful: the first paint is then already complete.
  const [view, setView] = useState({ top: 0, height: 900 });

  useLayoutEffect(() => {
    if (!box) return;
    const measure = () =>
      setView((previous) =>
        previous.height === box.clientHeight && previous.top === box.scrollTop ? previous : { top: box.scrollTop, height: box.clientHeight },
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [box]);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    const box = event.currentTarget;
    setView({ top: box.scrollTop, height: box.clientHeight });
  }, []);

  return { ref: setBox, onScroll, ...visibleRange({ count, rowHeight, scrollTop: view.top, viewportHeight: view.height, overscan }) };
}
