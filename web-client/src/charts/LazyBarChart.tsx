import { lazy, Suspense, type ComponentProps } from 'react';
import type { BarChart as EagerBarChart } from './BarChart';
import { useNearViewport } from '../layout/useNearViewport';

export type { Series } from './BarChart';

const Chart = lazy(() => import('./BarChart').then((module) => ({ default: module.BarChart })));

/**
 * The bar chart, with chart.js (about 150 kB) loaded only once the page's figures are on screen: the reach, results
 * and trust pages render their headings and tables without waiting for it, and its start-up runs as a task of its
 * own. A chart is drawn only when it comes near the screen: a results page of many questions does not draw every
 * chart on a phone that shows one (the same figures are in the table beside each). Meanwhile an empty box of the
 * chart's size keeps the layout from shifting.
 */
export function BarChart(props: ComponentProps<typeof EagerBarChart>) {
  const [box, near] = useNearViewport<HTMLDivElement>();
  const empty = <div ref={near ? undefined : box} className="chart" aria-hidden="true" />;
  return near ? <Suspense fallback={empty}><Chart {...props} /></Suspense> : empty;
}
