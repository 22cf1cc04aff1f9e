import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundMemberDto } from '../../../shared/api/schemas/rounds';
import { totalItems } from '../../../shared/rounds/missing';

const COLOURS = { returned: '#2e7d4f', late: '#b3261e', missing: '#c9a227' };

/**
 * Returned / late / missing items per organisation: what is in, what is still awaited, and what
 * is awaited past the due date. The table below carries the same figures in words.
 */
export function ReturnsChart({ members }: { members: readonly RoundMemberDto[] }) {
  const data = members.map((m) => {
    const missing = totalItems(m.missing);
    const late = m.state === 'late' ? missing : 0;
    return { label: m.shortName, returned: totalItems(m.asked) - missing, late, missing: missing - late };
  });
  return (
    <figure className="chart" aria-label="Returns per organisation: items returned, late and still missing">
      <BarChart
        responsive
        style={{ width: '100%', height: Math.max(160, data.length * 28 + 70) }}
        data={data}
        layout="vertical"
        margin={{ top: 6, right: 24, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={110} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip />
        <Legend verticalAlign="top" height={28} />
        <Bar dataKey="returned" name="Returned" stackId="items" fill={COLOURS.returned} isAnimationActive={false} maxBarSize={22} />
        <Bar dataKey="late" name="Late" stackId="items" fill={COLOURS.late} isAnimationActive={false} maxBarSize={22} />
        <Bar dataKey="missing" name="Missing" stackId="items" fill={COLOURS.missing} isAnimationActive={false} maxBarSize={22} />
      </BarChart>
    </figure>
  );
}
