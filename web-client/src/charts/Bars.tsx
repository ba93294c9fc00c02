export interface Bar { label: string; value: number; text?: string }

/**
 * Horizontal bars drawn as SVG: each bar carries its label and value as text, the picture is named by its title, and
 * the same figures are in a table beside it on the page. Fits a 390 px screen (bars scale to the width).
 */
export function Bars({ title, bars, max }: { title: string; bars: Bar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const row = 28;
  const height = bars.length * row;
  return (
    <figure className="bars">
      <svg role="img" aria-label={title} viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" width="100%" height={height}>
        <title>{title}</title>
        {bars.map((bar, i) => (
          <g key={bar.label}>
            <rect x={0} y={i * row + 4} width={(bar.value / top) * 100} height={row - 8} className="bar" />
          </g>
        ))}
      </svg>
      <ul className="bar-labels" aria-hidden="true" style={{ marginTop: -height }}>
        {bars.map((bar) => <li key={bar.label} style={{ height: row }}>{bar.label}: {bar.text ?? bar.value}</li>)}
      </ul>
    </figure>
  );
}
