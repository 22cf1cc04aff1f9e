import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { kes, kesShort } from './money-format';

export interface BarSeries {
  /** The data key holding this series' KES minor units. */
  key: string;
  name: string;
  colour: string;
}

interface MoneyBarsProps {
  /** The chart's accessible name; a table beside it carries the same figures in words. */
  label: string;
  data: readonly ({ label: string } & Record<string, number | string>)[];
  series: readonly BarSeries[];
  /** Series with a stack id are drawn end to end (e.g. county and partner shares of one bar). */
  stacked?: boolean;
  /** Bars across (one row per item, for long names) or up (one column per period). */
  layout?: 'across' | 'up';
  height?: number;
}

const money = (value: unknown) => (typeof value === 'number' ? kes(value) : String(value));
const axisMoney = (value: unknown) => (typeof value === 'number' ? kesShort(value) : String(value));

/** A bar chart of KES amounts: the budget by contributor or sector, planned vs disbursed per quarter. */
export function MoneyBars({ label, data, series, stacked = false, layout = 'across', height }: MoneyBarsProps) {
  const across = layout === 'across';
  const chartHeight = height ?? (across ? Math.max(140, data.length * 30 + 60) : 260);
  return (
    <figure className="chart" aria-label={label}>
      <BarChart
        responsive
        style={{ width: '100%', height: chartHeight }}
        data={[...data]}
        layout={across ? 'vertical' : 'horizontal'}
        margin={{ top: 6, right: 24, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!across} vertical={across} />
        {across ? (
          <>
            <XAxis type="number" tickFormatter={axisMoney} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} interval={0} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis type="number" tickFormatter={axisMoney} width={84} />
          </>
        )}
        <Tooltip formatter={money} />
        {series.length > 1 ? <Legend verticalAlign="top" height={28} /> : null}
        {series.map((item) => (
          <Bar
            key={item.key}
            dataKey={item.key}
            name={item.name}
            fill={item.colour}
            stackId={stacked ? 'total' : undefined}
            isAnimationActive={false}
            maxBarSize={26}
          />
        ))}
      </BarChart>
    </figure>
  );
}
