import { geoIdentity, geoPath } from 'd3-geo';
import type { WardTopology } from '../api/schemas/geo';
import { innerBorders, outerBorder, wardFeatures } from './topology';

/** Metres in a degree of latitude, and of longitude at the equator (WGS 84, rounded). */
const METRES_PER_DEGREE = 111_320;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WardShape {
  wardId: string;
  /** SVG path data in the frame's pixels. */
  d: string;
  /** Where a label or a marker goes. */
  centroid: [number, number];
  /** The shape's bounding box width and height, to decide whether its name fits. */
  width: number;
  height: number;
}

export interface ScaleBar {
  /** Pixels for `km` kilometres at the map's middle latitude. */
  lengthPx: number;
  km: number;
  label: string;
}

export interface MapModel {
  frame: Box;
  wards: WardShape[];
  innerBorders: string;
  outerBorder: string;
  scaleBar: ScaleBar;
}

/** 1, 2 or 5 × 10^k kilometres, the largest not longer than `maxKm`. */
export function scaleBarKm(maxKm: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(maxKm, 1e-6)));
  return [5, 2, 1].map((step) => step * power).find((km) => km <= maxKm) ?? power;
}

/**
 * Ward shapes fitted to a frame, as SVG path data, for the screen (React) and for print (the SVG
 * string of ward-map-svg.ts) alike. Longitude and latitude are drawn on a plane (d3-geo's identity
 * projection, y flipped): within Kenya's 5° of the equator a degree of longitude is at least 99.6 %
 * of a degree of latitude, so the county's shape is as on Mercator to the width of a line, and the
 * plane needs no care for the ring order files come in (d3's spherical paths do).
 */
export function wardMapModel(topology: WardTopology, frame: Box): MapModel {
  const features = wardFeatures(topology);
  const projection = geoIdentity()
    .reflectY(true)
    .fitExtent(
      [
        [frame.x, frame.y],
        [frame.x + frame.width, frame.y + frame.height],
      ],
      features,
    );
  const path = geoPath(projection).digits(1);
  const wards = features.features.map((f): WardShape => {
    const [[x0, y0], [x1, y1]] = path.bounds(f);
    const [cx, cy] = path.centroid(f);
    return { wardId: String(f.id), d: path(f) ?? '', centroid: [round(cx), round(cy)], width: x1 - x0, height: y1 - y0 };
  });
  // The plane's scale is pixels per degree; a degree of longitude is shorter away from the equator.
  const [, south, , north] = topology.bbox as [number, number, number, number];
  const middle = ((south + north) / 2) * (Math.PI / 180);
  const metresPerPx = (METRES_PER_DEGREE * Math.cos(middle)) / projection.scale();
  const km = scaleBarKm((frame.width * 0.25 * metresPerPx) / 1000);
  return {
    frame,
    wards,
    innerBorders: path(innerBorders(topology)) ?? '',
    outerBorder: path(outerBorder(topology)) ?? '',
    scaleBar: { km, lengthPx: round((km * 1000) / metresPerPx), label: `${km.toLocaleString('en-GB')} km` },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
