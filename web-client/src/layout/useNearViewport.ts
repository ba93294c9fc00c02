import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Whether an element has come within `margin` of the screen (and stays so once it has): what a page draws only when
 * someone scrolls to it. Without IntersectionObserver (older browsers, tests) everything counts as near.
 */
export function useNearViewport<T extends Element>(margin = '300px'): [(node: T | null) => void, boolean] {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  const observer = useRef<IntersectionObserver | null>(null);
  const ref = useCallback((node: T | null) => {
    observer.current?.disconnect();
    if (!node || near) return;
    observer.current = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) { setNear(true); observer.current?.disconnect(); }
    }, { rootMargin: margin });
    observer.current.observe(node);
  }, [near, margin]);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, near];
}
