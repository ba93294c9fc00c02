import { startTransition, useEffect, useState } from 'react';

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
