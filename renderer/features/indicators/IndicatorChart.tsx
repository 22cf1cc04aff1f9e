import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeriodProgress } from './indicator-progress';

/** Target and actual per period, side by side: the gap shows at a glance. */
export function IndicatorChart({ periods, unit }: { periods: readonly PeriodProgress[]; unit: string }) {
  const data = periods.map((period) => ({ label: period.label, target: period.target, actual: period.actual }));
  return (
    <figure className="chart chart--small" aria-label={`Target and actual per period, in ${unit}`}>
      <BarChart responsive style={{ width: '100%', height: 170 }} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis width={48} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend verticalAlign="top" height={24} />
        <Bar dataKey="target" name="Target" fill="#b7c3bd" isAnimationActive={false} maxBarSize={22} />
        <Bar dataKey="actual" name="Actual" fill="#185c45" isAnimationActive={false} maxBarSize={22} />
      </BarChart>
    </figure>
  );
}
