import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * How many of a list's `total` rows to render: the first `first` at once, then all of them in a transition, which
 * React renders in slices of a few milliseconds between which the browser handles input. A long list then costs
 * no long task on a slow phone, and what the screen shows first is not held back by rows below it.
 */
export function useRenderedCount(total: number, first: number): number {
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count < total) startTransition(() => setCount(total));
  }, [count, total]);
  return Math.min(count, total);
}

interface Settling { isPending: boolean; failureCount: number }

/**
 * Whether each query has answered or failed at least once: a page renders once with everything it shows in its first
 * screen rather than once per answer. A failure counts (the part shows its error), and so does the first failed try
 * of a query about to be retried.
 */
export function useSettledOnce(...queries: Settling[]): boolean {
  const settled = useRef(false);
  if (queries.every((query) => !query.isPending || query.failureCount > 0)) settled.current = true;
  return settled.current;
}
