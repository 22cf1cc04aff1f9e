import { useMemo, useState, type KeyboardEvent } from 'react';
import type { WardFigureDto, WardMapDto, WardRefDto, WardTopology } from '../../../shared/api/schemas/geo';
import { EMPTY_COLOUR } from '../../../shared/geo/classes';
import { wardMapModel } from '../../../shared/geo/map-model';

const WIDTH = 760;
const HEIGHT = 560;

interface WardMapProps {
  topology: WardTopology;
  /** The cycle's wards, to name the shapes before the figures arrive. */
  wards: readonly WardRefDto[];
  /** Null while the figures are being worked out: the wards are drawn unshaded meanwhile. */
  figures: WardMapDto | null;
  schematic: boolean;
  selectedId: string | null;
  onSelect: (wardId: string) => void;
}

/**
 * The wards, shaded by the chosen figure, drawn from the same model as the printed map
 * (shared/geo/map-model.ts). Every ward is a button: Tab reaches it, Enter or a click opens its
 * panel, and hovering or focusing it shows its figures. The shapes and names come with the
 * boundaries and are drawn at once; the shading follows when the figures arrive.
 */
export function WardMap({ topology, wards, figures, schematic, selectedId, onSelect }: WardMapProps) {
  const model = useMemo(() => wardMapModel(topology, { x: 10, y: 10, width: WIDTH - 20, height: HEIGHT - 20 }), [topology]);
  const names = useMemo(() => new Map(wards.map((w) => [w.id, w.name])), [wards]);
  const byWard = useMemo(() => new Map((figures?.wards ?? []).map((w) => [w.wardId, w])), [figures]);
  const [hover, setHover] = useState<string | null>(null);
  const shown = hover ?? selectedId;
  const tip = shown ? byWard.get(shown) : undefined;
  const tipShape = shown ? model.wards.find((w) => w.wardId === shown) : undefined;
  const selectedShape = selectedId ? model.wards.find((w) => w.wardId === selectedId) : undefined;

  const colour = (ward: WardFigureDto | undefined) => (ward ? (figures?.legend.classes[ward.classIndex]?.colour ?? EMPTY_COLOUR) : EMPTY_COLOUR);
  const keyDown = (wardId: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(wardId);
    }
  };

  return (
    <div className="ward-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={figures ? `${figures.title}: ${figures.subtitle}` : 'Ward map, the figures still being worked out'}
        aria-busy={figures === null}
        className={`ward-map__svg${figures ? '' : ' ward-map__svg--waiting'}`}
      >
        <defs>
          <pattern id="ward-gap" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="8" stroke="#1f2933" strokeWidth="1.6" strokeOpacity="0.55" />
          </pattern>
        </defs>
        {model.wards.map((shape) => {
          const ward = byWard.get(shape.wardId);
          const name = names.get(shape.wardId) ?? shape.wardId;
          const label = ward
            ? `${name}: ${ward.valueLabel}${ward.gap ? ', a gap' : ''}${ward.overlapPairs ? `, ${ward.overlapPairs} likely duplicate pairs` : ''}`
            : name;
          return (
            <g
              key={shape.wardId}
              className={`ward-map__ward${shape.wardId === selectedId ? ' ward-map__ward--selected' : ''}`}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={shape.wardId === selectedId}
              data-ward={name}
              onClick={() => onSelect(shape.wardId)}
              onKeyDown={keyDown(shape.wardId)}
              onMouseEnter={() => setHover(shape.wardId)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(shape.wardId)}
              onBlur={() => setHover(null)}
            >
              <path d={shape.d} fill={colour(ward)} fillRule="evenodd" />
              {ward?.gap ? <path d={shape.d} fill="url(#ward-gap)" fillRule="evenodd" /> : null}
            </g>
          );
        })}
        <path d={model.innerBorders} className="ward-map__borders" />
        <path d={model.outerBorder} className="ward-map__outline" />
        {selectedShape ? <path d={selectedShape.d} className="ward-map__highlight ward-map__highlight--selected" /> : null}
        {hover && tipShape && hover !== selectedId ? <path d={tipShape.d} className="ward-map__highlight" /> : null}
        {model.wards.map((shape) => {
          const name = names.get(shape.wardId);
          if (name === undefined) return null;
          const ward = byWard.get(shape.wardId);
          const [x, y] = shape.centroid;
          const fits = shape.width > name.length * 7 && shape.height > 20;
          return (
            <g key={`label-${shape.wardId}`} className="ward-map__label" aria-hidden="true">
              {fits ? (
                <text x={x} y={y + 4} textAnchor="middle">
                  {name}
                </text>
              ) : null}
              {ward && ward.overlapPairs > 0 ? (
                <g className="ward-map__overlap">
                  <circle cx={x} cy={y + 20} r={10} />
                  <text x={x} y={y + 24} textAnchor="middle">
                    {ward.overlapPairs}
                  </text>
                </g>
              ) : null}
            </g>
          );
        })}
        {schematic ? (
          <text x={WIDTH / 2} y={HEIGHT / 2} className="ward-map__watermark" textAnchor="middle" transform={`rotate(-28 ${WIDTH / 2} ${HEIGHT / 2})`}>
            SCHEMATIC DEMO — NOT REAL WARD BOUNDARIES
          </text>
        ) : null}
        <g transform={`translate(${WIDTH - 40} 40)`} aria-hidden="true">
          <path d="M0 -18 L9 10 L0 4 L-9 10 Z" className="ward-map__north" />
          <text y={28} textAnchor="middle" className="ward-map__north-label">
            N
          </text>
        </g>
        <g transform={`translate(20 ${HEIGHT - 30})`} aria-hidden="true" className="ward-map__scale">
          <rect width={model.scaleBar.lengthPx} height={6} />
          <text y={20}>0</text>
          <text x={model.scaleBar.lengthPx} y={20} textAnchor="end">
            {model.scaleBar.label}
          </text>
        </g>
      </svg>
      {tip && tipShape ? (
        <div
          className="ward-map__tip"
          role="tooltip"
          style={{ left: `${(tipShape.centroid[0] / WIDTH) * 100}%`, top: `${(tipShape.centroid[1] / HEIGHT) * 100}%` }}
        >
          <strong>{tip.name}</strong> <span className="muted">{tip.subCountyName}</span>
          <br />
          {tip.valueLabel}
          <br />
          {tip.activityCount} {tip.activityCount === 1 ? 'activity' : 'activities'} · {tip.partnerCount}{' '}
          {tip.partnerCount === 1 ? 'organisation' : 'organisations'}
          {tip.gap ? <> · gap</> : null}
          {tip.overlapPairs ? (
            <>
              {' '}
              · {tip.overlapPairs} likely duplicate {tip.overlapPairs === 1 ? 'pair' : 'pairs'}
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
