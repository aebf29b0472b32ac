import { useEffect, useRef, useState } from 'react';

/**
 * The rendered width of an element, kept current as the layout changes. Charts draw at this
 * width in CSS pixels, so their text stays legible on a phone and on a wide screen alike
 * (a scaled viewBox would shrink or blow up the labels).
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
