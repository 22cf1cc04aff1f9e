import fs from 'node:fs';
import path from 'node:path';

/**
 * Where the rasteriser finds the documents' typeface. Charts name Calibri first (Word draws their SVG
 * with it); LibreOffice and the PNG fallback use Carlito, which has Calibri's widths, so a label
 * takes the same room in every copy. Reading two or three named files is much faster than letting
 * the rasteriser scan every system font for each picture.
 */
const CANDIDATES: readonly string[] = [
  // Debian / Ubuntu (fonts-crosextra-carlito, fonts-liberation2)
  '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf',
  '/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  // Windows
  path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts', 'calibri.ttf'),
  path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts', 'calibrib.ttf'),
  path.join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts', 'arial.ttf'),
  // macOS (Office installs Calibri in its own bundle; Arial is always there)
  '/Library/Fonts/Microsoft/Calibri.ttf',
  '/Library/Fonts/Microsoft/Calibri Bold.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
];

/** The font-family list every chart's text uses. */
export const CHART_FONT_FAMILY = "Calibri, Carlito, 'Liberation Sans', Arial, sans-serif";

export interface RasterFonts {
  fontFiles: string[];
  loadSystemFonts: boolean;
  defaultFontFamily: string;
}

let found: RasterFonts | undefined;

/** The font files found on this machine, looked up once; the system's fonts when none is. */
export function rasterFonts(): RasterFonts {
  if (found) return found;
  const fontFiles = CANDIDATES.filter((file) => fs.existsSync(file));
  const family = fontFiles.some((file) => /carlito/i.test(file)) ? 'Carlito' : fontFiles.some((file) => /calibri/i.test(file)) ? 'Calibri' : 'Arial';
  found = { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: family };
  return found;
}
