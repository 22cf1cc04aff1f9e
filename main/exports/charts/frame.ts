import { CHART_FONT_FAMILY, el, svgDocument, text } from '../graphics/index';

/**
 * What every chart of the Word deliverables shares: a drawing measured in quarter millimetres of the
 * printed page (so a 9 pt label is 9 pt on paper, whatever the chart's size), the documents'
 * typeface and a palette that prints legibly in colour and in grey.
 */

/** Drawing units per printed millimetre. */
export const UNITS_PER_MM = 4;

/** A font size in points as drawing units. */
export const pt = (points: number): number => (points * 25.4 * UNITS_PER_MM) / 72;

export const INK = { text: '#1a1a1a', muted: '#595959', rule: '#a6a6a6', heading: '#1F3864', grid: '#d9d9d9' } as const;

/** Average advance of a Calibri character, as a share of the font size: enough to fit labels. */
const CHAR_WIDTH = 0.5;

/** The label cut (with "…") to fit `width` drawing units at `points`. */
export function fitLabel(label: string, width: number, points: number): string {
  const room = Math.max(3, Math.floor(width / (pt(points) * CHAR_WIDTH)));
  return label.length <= room ? label : `${label.slice(0, room - 1).trimEnd()}…`;
}

export interface LabelOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  bold?: boolean;
  fill?: string;
  /** Rotate around the label's own anchor point (a vertical axis title: -90). */
  rotate?: number;
}

/** A label in points at (x, y), on its baseline. */
export function label(x: number, y: number, content: string, options: LabelOptions = {}): string {
  return text(x, y, content, {
    'font-size': pt(options.size ?? 9),
    'text-anchor': options.anchor ?? 'start',
    'font-weight': options.bold ? 'bold' : undefined,
    fill: options.fill ?? INK.text,
    transform: options.rotate === undefined ? undefined : `rotate(${options.rotate} ${x} ${y})`,
  });
}

export const rect = (x: number, y: number, width: number, height: number, fill: string, stroke?: string): string =>
  el('rect', { x, y, width, height, fill, stroke, 'stroke-width': stroke ? 1 : undefined });

export const line = (x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, dash?: string): string =>
  el('line', { x1, y1, x2, y2, stroke, 'stroke-width': width, 'stroke-dasharray': dash });

/** A chart's SVG for a picture `widthMm` × `heightMm` on the page. */
export interface Chart {
  svg: string;
  widthMm: number;
  heightMm: number;
}

export const chart = (widthMm: number, heightMm: number, body: string): Chart => ({
  svg: svgDocument(widthMm * UNITS_PER_MM, heightMm * UNITS_PER_MM, body, CHART_FONT_FAMILY),
  widthMm,
  heightMm,
});
