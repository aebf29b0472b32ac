import { useId } from 'react';
import { useWidth } from '../ui/use-width';

export interface Bar {
  label: string;
  value: number;
  /** A CSS class for the bar's colour (colour is never the only carrier: each bar is labelled). */
  tone?: string;
}

const ROW = 28;
const LABEL_W = 130;

/**
 * Horizontal bars drawn as SVG: a few dozen lines instead of a chart library. Screen readers
 * get the numbers as the image's label.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const id = useId();
  const [box, width] = useWidth<HTMLElement>(420);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barSpace = width - LABEL_W - 40;
  const description = bars.map((b) => `${b.label}: ${b.value}`).join(', ');
  return (
    <figure className="chart" ref={box}>
      <figcaption id={id}>{title}</figcaption>
      <svg width={width} height={Math.max(ROW, bars.length * ROW)} role="img" aria-labelledby={id} aria-describedby={`${id}-d`} className="bar-chart">
        <desc id={`${id}-d`}>{description}</desc>
        {bars.map((bar, i) => {
          const w = (bar.value / max) * barSpace;
          const y = i * ROW;
          return (
            <g key={bar.label} transform={`translate(0 ${y})`}>
              <text x={LABEL_W - 8} y={ROW / 2} dominantBaseline="middle" textAnchor="end" className="chart-label">
                {bar.label}
              </text>
              <rect x={LABEL_W} y={5} width={Math.max(w, bar.value > 0 ? 2 : 0)} height={ROW - 10} rx={3} className={`bar ${bar.tone ?? ''}`} />
              <text x={LABEL_W + w + 6} y={ROW / 2} dominantBaseline="middle" className="chart-value">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
