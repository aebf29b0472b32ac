import { useId } from 'react';
import { useWidth } from '../ui/use-width';

export interface TrendPoint {
  label: string;
  value: number;
}

export interface TrendSeries {
  name: string;
  /** The same labels (weeks) in every series, oldest first. */
  points: TrendPoint[];
}

const H = 200;
const PAD = { left: 36, right: 24, top: 12, bottom: 36 };
/** Room each axis label needs, so labels never overlap however narrow the chart. */
const LABEL_SPACE = 80;

/**
 * Weekly lines as SVG, each series in its own colour and dash (told apart without colour too),
 * with a legend, and the numbers as the image's accessible description.
 */
export function TrendChart({ title, series }: { title: string; series: TrendSeries[] }) {
  const id = useId();
  const [box, W] = useWidth<HTMLElement>(560);
  const labels = series[0]?.points.map((p) => p.label) ?? [];
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? innerW / 2 : (i / (labels.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const every = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor((W - PAD.left - PAD.right) / LABEL_SPACE))));
  const description = series.map((s) => `${s.name}: ${s.points.map((p) => `${p.label} ${p.value}`).join(', ')}`).join('; ');
  return (
    <figure className="chart" ref={box}>
      <figcaption id={id}>{title}</figcaption>
      <ul className="legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.name}>
            <svg width="24" height="10">
              <line x1="0" x2="24" y1="5" y2="5" className={`trend-line series-${i}`} />
            </svg>{' '}
            {s.name}
          </li>
        ))}
      </ul>
      <svg width={W} height={H} role="img" aria-labelledby={id} aria-describedby={`${id}-d`} className="trend-chart">
        <desc id={`${id}-d`}>{description}</desc>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(max)} y2={y(max)} className="grid" />
        <text x={PAD.left - 6} y={y(max)} textAnchor="end" dominantBaseline="middle" className="chart-value">
          {max}
        </text>
        <text x={PAD.left - 6} y={y(0)} textAnchor="end" dominantBaseline="middle" className="chart-value">
          0
        </text>
        {series.map((s, i) => (
          <g key={s.name}>
            {s.points.length > 1 && <polyline points={s.points.map((p, j) => `${x(j)},${y(p.value)}`).join(' ')} className={`trend-line series-${i}`} />}
            {s.points.map((p, j) => (
              <circle key={j} cx={x(j)} cy={y(p.value)} r={3} className={`trend-dot series-${i}`} />
            ))}
          </g>
        ))}
        {labels.map(
          (label, i) =>
            i % every === 0 && (
              <text
                key={label}
                x={x(i)}
                y={H - PAD.bottom + 18}
                textAnchor={i === 0 ? 'start' : i === labels.length - 1 ? 'end' : 'middle'}
                className="chart-label"
              >
                {label}
              </text>
            ),
        )}
      </svg>
    </figure>
  );
}
