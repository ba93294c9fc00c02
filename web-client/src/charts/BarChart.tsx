import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { memo } from 'react';
import { Bar } from 'react-chartjs-2';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

// Distinguishable for common colour-vision differences and >= 3:1 against white.
const COLOURS = ['#0b5cad', '#b35900', '#1e6b34', '#7a2e8f', '#a4161a', '#4a5360'];

export interface Series { label: string; values: number[] }

/**
 * A bar chart (chart.js) with a text alternative: the canvas is an image named by its title, and the
 * same numbers are always shown in a table next to it by the page.
 */
export const BarChart = memo(function BarChart({ title, labels, series, max, percent }: { title: string; labels: string[]; series: Series[]; max?: number; percent?: boolean }) {
  return (
    <div className="chart">
      <Bar
        role="img"
        aria-label={title}
        data={{
          labels,
          datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })),
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { beginAtZero: true, max, ticks: percent ? { callback: (v) => `${v}%` } : undefined } },
          plugins: { legend: { position: 'bottom' } },
        }}
      />
    </div>
  );
}, sameFigures);

/**
 * A page re-renders as its live figures arrive, mostly with the same numbers: redrawing a chart (chart.js updates
 * whenever its props are new objects) is then work for nothing.
 */
function sameFigures(before: object, after: object): boolean {
  return JSON.stringify(before) === JSON.stringify(after);
}
