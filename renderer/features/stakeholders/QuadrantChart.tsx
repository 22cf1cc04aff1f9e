import type { KeyboardEvent } from 'react';
import { CartesianGrid, ReferenceArea, ReferenceLine, Scatter, ScatterChart, XAxis, YAxis, type ScatterShapeProps } from 'recharts';
import type { QuadrantPoint } from '../../../shared/analysis/stakeholder-quadrant';

const LEVEL_TICKS = [0.5, 1.5, 2.5];
const levelName = (value: number) => (value < 1 ? 'Low' : value < 2 ? 'Medium' : 'High');

const QUADRANTS = [
  { x1: 2, x2: 3, y1: 2, y2: 3, label: 'Manage closely', fill: '#cfe6d9' },
  { x1: 0, x2: 2, y1: 2, y2: 3, label: 'Keep satisfied', fill: '#f4ead2' },
  { x1: 2, x2: 3, y1: 0, y2: 2, label: 'Keep informed', fill: '#e3ecf6' },
  { x1: 0, x2: 2, y1: 0, y2: 2, label: 'Monitor', fill: '#f1f2f0' },
] as const;

interface QuadrantChartProps {
  points: readonly QuadrantPoint[];
  onOpen: (id: string) => void;
}

/**
 * The stakeholder matrix as the manual draws it: interest across, influence up, four quadrants.
 * Each organisation is a labelled point; a click (or Enter on a focused point) opens it.
 */
export function QuadrantChart({ points, onOpen }: QuadrantChartProps) {
  const byId = new Map(points.map((point) => [point.id, point]));

  const Point = (props: ScatterShapeProps) => {
    const point: unknown = props.payload;
    const id = typeof point === 'object' && point !== null && 'id' in point && typeof point.id === 'string' ? point.id : '';
    const data = byId.get(id);
    if (!data || props.cx === undefined || props.cy === undefined) return <g />;
    const open = () => onOpen(id);
    const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    };
    return (
      <g
        className="quadrant-point"
        role="button"
        tabIndex={0}
        aria-label={`${data.label}: ${levelName(data.y)} influence, ${levelName(data.x)} interest. Open.`}
        data-org-id={id}
        onClick={open}
        onKeyDown={onKeyDown}
      >
        <circle cx={props.cx} cy={props.cy} r={6} />
        <text x={props.cx} y={props.cy + 17} textAnchor="middle">
          {data.label.length > 16 ? `${data.label.slice(0, 15)}…` : data.label}
        </text>
      </g>
    );
  };

  return (
    <figure className="chart chart--quadrant" aria-label="Stakeholders by influence and interest">
      <ScatterChart responsive style={{ width: '100%', height: 400 }} margin={{ top: 10, right: 16, bottom: 28, left: 8 }}>
        {QUADRANTS.map((quadrant) => (
          <ReferenceArea
            key={quadrant.label}
            x1={quadrant.x1}
            x2={quadrant.x2}
            y1={quadrant.y1}
            y2={quadrant.y2}
            fill={quadrant.fill}
            fillOpacity={1}
            stroke="none"
            label={{ value: quadrant.label, position: 'insideTopLeft', className: 'quadrant-label' }}
          />
        ))}
        <CartesianGrid stroke="#ffffff" strokeDasharray="2 4" />
        <ReferenceLine x={2} stroke="#6d7a74" strokeDasharray="5 4" />
        <ReferenceLine y={2} stroke="#6d7a74" strokeDasharray="5 4" />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, 3]}
          ticks={LEVEL_TICKS}
          tickFormatter={levelName}
          label={{ value: 'Interest in the JWP →', position: 'insideBottom', offset: -16 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={[0, 3]}
          ticks={LEVEL_TICKS}
          tickFormatter={levelName}
          width={88}
          label={{ value: 'Influence →', angle: -90, position: 'insideLeft' }}
        />
        <Scatter data={[...points]} isAnimationActive={false} shape={Point} />
      </ScatterChart>
    </figure>
  );
}
