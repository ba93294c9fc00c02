import { lazy, Suspense, type ComponentProps } from 'react';
import type { BarChart as EagerBarChart } from './BarChart';

export type { Series } from './BarChart';

const Chart = lazy(() => import('./BarChart').then((module) => ({ default: module.BarChart })));

/**
 * The bar chart, with chart.js (about 150 kB) loaded only once the page's figures are on screen: the reach, results
 * and trust pages render their headings and tables without waiting for it, and its start-up runs as a task of its
 * own. Meanwhile an empty box of the chart's size keeps the layout from shifting.
 */
export function BarChart(props: ComponentProps<typeof EagerBarChart>) {
  return <Suspense fallback={<div className="chart" aria-hidden="true" />}><Chart {...props} /></Suspense>;
}
